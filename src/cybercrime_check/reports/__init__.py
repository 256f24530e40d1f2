"""Everything a reader sees: text, Markdown, CSV (one writer), HTML, the comparison heatmap, batch
rendering in worker processes, law-version diffs and triage decisions.

One escaping rule per format lives here: :func:`.markdown.md` for Markdown, :func:`.tables.cell`
for CSV, Jinja2's autoescape for HTML.
"""
