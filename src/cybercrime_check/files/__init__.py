"""Reading and publishing files: the strict YAML reader, the law loader and the JSON Schemas.

Every problem in an input file is reported with its file, line, column and field; nothing is
coerced or dropped on the way in.
"""
