r"""Offences: what a law criminalises, with its elements, limbs, defences and penalty.

The categories follow the Convention's offence types (Arts 7-17), the ordinary crimes committed online
that every legal order punishes (threats, harassment, extortion), and the content categories the
Convention does *not* contain; the latter are what civil society fears the Convention will export
through cooperation. How each category is judged is a legal choice, recorded with its authority in
``policies/offence-categories.yaml``, not here.

Real sections mix limbs (a threats limb beside a "grossly offensive" limb): an offence may list its
:class:`Limb`\ s, each with its own conduct, category, elements and penalty, and checkers judge
:func:`units`, one per limb (or the offence itself when it has none).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import BeforeValidator, Field, StrictBool, StrictStr, model_validator

from .fields import (
    Confidence,
    DateOrUnspecified,
    Excerpt,
    Identifier,
    ListTag,
    Model,
    ShortText,
    Text,
    TriState,
    WordTag,
    word_or_list_discriminator,
)
from .penalty import AggravatedPenalty, Penalty
from .provision import Provision

CyberDependentCategory = Literal[
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
]
ConventionCategory = Literal[
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
    "forgery",
    "fraud",
    "csam",
    "grooming",
    "ncii",
    "laundering",
]
ContentCategory = Literal[
    "false_information",
    "defamation_insult",
    "insult_head_of_state",
    "publication_about_officials",
    "public_order_morals",
    "obscenity",
    "religion",
    "extremism_terrorism_speech",
    "incitement_to_violence",
    "hate_speech",
    "lgbtq",
    "national_unity_strife",
    "circumvention_anonymity",
    "intermediary_liability",
    "memory_law",
]
OrdinaryCategory = Literal["threats", "harassment", "stalking", "extortion"]
OffenceCategory = Literal[
    "illegal_access",
    "illegal_interception",
    "data_interference",
    "system_interference",
    "misuse_of_devices",
    "forgery",
    "fraud",
    "csam",
    "grooming",
    "ncii",
    "laundering",
    "false_information",
    "defamation_insult",
    "insult_head_of_state",
    "public_order_morals",
    "religion",
    "extremism_terrorism_speech",
    "lgbtq",
    "national_unity_strife",
    "publication_about_officials",
    "obscenity",
    "incitement_to_violence",
    "hate_speech",
    "circumvention_anonymity",
    "intermediary_liability",
    "memory_law",
    "threats",
    "harassment",
    "stalking",
    "extortion",
    "other",
    "mixed",
    "unspecified",
]
"""``mixed``: the section combines limbs of different categories, recorded under ``limbs``."""

CYBER_DEPENDENT: frozenset[str] = frozenset(get_args(CyberDependentCategory))
CONVENTION_CATEGORIES: frozenset[str] = frozenset(get_args(ConventionCategory))
CONTENT_OUTSIDE_CONVENTION: frozenset[str] = frozenset(get_args(ContentCategory))
ORDINARY_CRIMES: frozenset[str] = frozenset(get_args(OrdinaryCategory))

HarmThreshold = Literal["serious", "any", "none", "unspecified"]
Liability = Literal["criminal", "civil", "administrative", "unspecified"]
MentalElement = Literal["intent", "knowledge", "recklessness", "negligence", "none_stated", "unspecified"]
DefenceKind = Literal[
    "public_interest",
    "journalism",
    "whistleblowing",
    "security_research",
    "authorised_testing",
    "truth",
    "other",
]
Group = Literal[
    "lgbtq",
    "religious_minority",
    "ethnic_minority",
    "women",
    "journalists",
    "human_rights_defenders",
    "political_opposition",
    "other",
]


class Defence(Model):
    """A defence, exemption or justification that protects some conduct.

    ``binding: false`` records a policy (e.g. a prosecutor's charging policy)
    that courts and civil claimants are not bound by.
    """

    kind: DefenceKind
    """What the defence protects: ``public_interest``, ``journalism``, ``whistleblowing``, ``security_research``,
    ``authorised_testing``, ``truth`` or ``other``. The researchers check counts the first four (and
    ``authorised_testing`` for device offences) as protecting research."""
    citation: ShortText
    """Where the defence is found: an article of this or another law, or the policy document."""
    description: Text
    """What the defence covers and how it works, in our own words."""
    binding: StrictBool = True
    """``true`` (the default) if the defence is law that binds the courts; ``false`` for a policy, such as a
    prosecutor's charging policy, that courts and civil claimants need not follow."""
    conditions: tuple[ShortText, ...] = ()
    """Conditions the defence sets, each as a short phrase (e.g. 'acted in good faith')."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the sources for the defence (at least one), declared under the law's ``sources``."""


class GroupImpact(Model):
    """A group the offence targets on its face, or is documented as used against."""

    group: Group
    """The group affected: ``lgbtq``, ``religious_minority``, ``ethnic_minority``, ``women``, ``journalists``,
    ``human_rights_defenders``, ``political_opposition`` or ``other``."""
    basis: Literal["on_its_face", "in_application"]
    """``on_its_face`` if the offence's text targets the group; ``in_application`` if a source documents that it
    has been used against the group."""
    sources: tuple[Identifier, ...] = Field(min_length=1)
    """Ids of the sources that document the impact (at least one), declared under the law's ``sources``."""
    note: Text | None = None
    """Remarks, e.g. the cases or reports that show the impact."""


def _term_in(value: Any) -> Any:
    """A bare string is a term the law does not define (whether a court construed it is not recorded)."""
    return {"text": value, "defined_in": "none"} if isinstance(value, str) else value


class Term(Model):
    """A term of the offence whose meaning decides what is punished, and where its meaning comes from."""

    text: ShortText
    """The law's own words, briefly quoted (e.g. '"false news"'); reports quote exactly this."""
    defined_in: ShortText | Literal["none", "unspecified"] = "unspecified"
    """Where the law (or another law it refers to) defines the term, e.g. 's.17(5)'; ``none`` when a source says
    the law defines it nowhere (a bare string in ``terms`` means this), ``unspecified`` when not checked."""
    clarified_by: ShortText | Literal["none", "unspecified"] = "unspecified"
    """The judgment that construed the term authoritatively, e.g. 'R v Bow Street Magistrate, ex p Allison
    [2000] 2 AC 216' (a court's reading can make a broad term foreseeable: ECtHR, Cantoni v France); ``none`` when
    a source says no court has; ``unspecified`` (the default) when not checked."""
    clarified_on: DateOrUnspecified = "unspecified"
    """When that judgment was given. A law judged as of an earlier day does not count the term as construed
    (the reading did not exist yet); ``unspecified`` counts it always."""
    found_vague_by: ShortText | None = None
    """A court, UN body or other authority that found the term too vague *despite* its definition or reading,
    e.g. 'Venice Commission, CDL-AD(2012)016'. The term then counts as vague, citing that authority."""
    convention_wording: StrictBool = False
    """``true`` when the term is the Convention's own wording (e.g. "without right"), which is never vague
    for treaty conformity."""
    sources: tuple[Identifier, ...] = ()
    """Ids of the law's sources for the definition or the judgment."""
    note: Text | None = None
    """Remarks, e.g. what the definition or the court said, in our own words."""

    @property
    def vague(self) -> bool:
        """Recorded as defined nowhere and construed by no court, or found vague despite its meaning."""
        if self.convention_wording:
            return False
        return self.found_vague_by is not None or (self.defined_in == "none" and self.clarified_by == "none")

    @property
    def undefined(self) -> bool:
        """Not known to be defined in the law, construed by a court, or the Convention's own words."""
        return (
            self.defined_in in ("none", "unspecified")
            and self.clarified_by in ("none", "unspecified")
            and not self.convention_wording
        )


TermList = Annotated[
    Annotated[tuple[Annotated[Term, BeforeValidator(_term_in, json_schema_input_type=StrictStr | Term)], ...], ListTag]
    | Annotated[Literal["unspecified"], WordTag],
    word_or_list_discriminator(),
]
GroupList = Annotated[
    Annotated[tuple[GroupImpact, ...], ListTag] | Annotated[Literal["unspecified"], WordTag],
    word_or_list_discriminator(),
]
DefenceList = Annotated[
    Annotated[tuple[Defence, ...], ListTag] | Annotated[Literal["none", "unspecified"], WordTag],
    word_or_list_discriminator(),
]


class Limb(Model):
    """One limb of a section that punishes different conduct under one number.

    Facts a limb leaves out (``None``) are the offence's; a limb's ``additional_elements`` come on top of
    the offence's.
    """

    id: Identifier
    """Short name of the limb, unique within the offence, e.g. 'grossly-offensive'."""
    conduct: Text
    """What this limb punishes, in our own words."""
    excerpt: Excerpt | None = None
    """A short quotation of the limb's words (at most 300 characters)."""
    category: OffenceCategory
    """What the limb criminalises (not ``mixed``)."""
    mental_element: MentalElement | None = None
    """The fault this limb requires, if different from the offence's."""
    without_right: TriState | None = None
    """Whether acting without right is an element of this limb, if different from the offence's."""
    ulterior_intent: ShortText | Literal["none", "unspecified"] | None = None
    """The purpose this limb requires beyond intent, if different from the offence's."""
    additional_elements: tuple[ShortText, ...] = ()
    """Elements of this limb on top of the offence's."""
    harm_threshold: HarmThreshold | None = None
    """The harm this limb requires, if different from the offence's."""
    terms: TermList | None = None
    """The terms of this limb whose meaning matters (see :class:`Term`); omit to use the offence's."""
    penalty: Penalty | None = None
    """The penalty for this limb, if different from the offence's."""
    defences: DefenceList | None = None
    """Defences for this limb, if different from the offence's."""
    groups_affected: GroupList | None = None
    """Groups this limb targets or is used against, if different from the offence's."""

    @model_validator(mode="after")
    def _not_mixed(self) -> Limb:
        if self.category == "mixed":
            raise ValueError("a limb has one category; 'mixed' is for the offence that lists limbs")
        return self


class Offence(Provision):
    """A criminal offence in a national law."""

    liability: Liability = "criminal"
    """What breaking the rule brings: ``criminal`` (the default: an offence), ``civil`` (liability for damages, e.g.
    an intermediary's for users' content), ``administrative`` (fines or orders by an authority), or
    ``unspecified`` (our sources do not say whether it is a crime). Only criminal offences open the door to
    cooperation on serious crime."""
    category: OffenceCategory
    """What the offence criminalises: a Convention offence type (``illegal_access`` to ``laundering``; ``csam`` is
    child sexual abuse material, ``ncii`` non-consensual sharing of intimate images), an ordinary crime
    (``threats``, ``harassment``, ``stalking``, ``extortion``), a content category the Convention does not
    contain (``false_information`` to ``memory_law``), ``mixed`` (the limbs differ; see ``limbs``),
    ``other`` or ``unspecified``. How each is judged, and on whose authority: ``policies/offence-categories.yaml``."""
    mental_element: MentalElement = "unspecified"
    """The fault the offence requires: ``intent``, ``knowledge``, ``recklessness``, ``negligence``, ``none_stated``
    (the text states none), or ``unspecified`` (our sources do not say)."""
    without_right: TriState = "unspecified"
    """Whether acting "without right" (or an equivalent: unauthorised access, dishonest intent) is an element of the
    offence: ``true``, ``false`` or ``unspecified``."""
    ulterior_intent: ShortText | Literal["none", "unspecified"] = "unspecified"
    """A wrongful purpose the offence requires beyond intending the conduct, one that good-faith research lacks,
    e.g. 'to defraud', 'to commit a further offence', 'to cause damage'; ``none`` if the law requires none,
    ``unspecified`` if our sources do not say. Such an element keeps good-faith research outside the offence, so
    a purpose a researcher can have ('to obtain data without authorisation') belongs in ``additional_elements``,
    not here."""
    additional_elements: tuple[ShortText, ...] = ()
    """Further elements that must be proved, each a short phrase (e.g. 'causes serious harm'). For content
    offences the vague-terms lexicon is matched against them too."""
    harm_threshold: HarmThreshold = "unspecified"
    """The harm the offence requires as a result: ``serious`` (serious damage, or a significant risk of it, to
    people, the economy, infrastructure or national security), ``any`` (some damage or hindering, however slight),
    ``none`` (the conduct alone suffices), or ``unspecified``. A serious-harm element keeps good-faith research,
    which causes no such harm, outside the offence."""
    order_required: Literal["court", "executive", "none", "unspecified"] = "unspecified"
    """For liability that follows an order (an intermediary that does not remove content, say): whose order must
    have been disobeyed, a ``court``'s or the ``executive``'s; ``none`` when liability arises without any order."""
    defences: DefenceList = "unspecified"
    """Defences, exemptions and justifications for the offence; ``none`` only when a source says there are none,
    ``unspecified`` (the default) when our sources do not say."""
    penalty: Penalty = Penalty()
    """The basic penalty."""
    aggravated: tuple[AggravatedPenalty, ...] = ()
    """Different penalties for aggravating circumstances, each with its condition."""
    terms: TermList = "unspecified"
    """The terms whose meaning decides what is punished, each quoted as the law words it, with where the law
    defines it or which judgment construed it (a bare string is an undefined term). ``[]`` records that the text
    was read and rests on no such term; ``unspecified`` (the default) that nobody has recorded it, and then no
    check concludes the offence is precise."""
    groups_affected: GroupList = "unspecified"
    """Groups the offence targets on its face, or is documented as used against, each with a source; ``[]``
    records that none is known from the sources read, ``unspecified`` (the default) that nobody has looked."""
    limbs: tuple[Limb, ...] = ()
    """The limbs of a section that punishes different conduct (a threats limb beside a "grossly offensive"
    limb); checkers judge each limb on its own."""

    @model_validator(mode="after")
    def _limbs(self) -> Offence:
        if self.category == "mixed" and not self.limbs:
            raise ValueError("category 'mixed' needs the 'limbs' that differ")
        ids = [limb.id for limb in self.limbs]
        duplicate = next((i for i in ids if ids.count(i) > 1), None)
        if duplicate is not None:
            raise ValueError(f"limb id {duplicate!r} is used twice in this offence")
        return self

    @property
    def defence_list(self) -> tuple[Defence, ...]:
        return self.defences if isinstance(self.defences, tuple) else ()

    def penalties(self) -> tuple[Penalty, ...]:
        """The basic penalty followed by every aggravated variant."""
        return (self.penalty, *(a.penalty for a in self.aggravated))

    def units(self) -> tuple[OffenceUnit, ...]:
        """What checkers judge: one unit per limb, or the offence itself when it has no limbs."""
        if not self.limbs:
            return (OffenceUnit(self, None),)
        return tuple(OffenceUnit(self, limb) for limb in self.limbs)


@dataclass(frozen=True)
class OffenceUnit:
    """An offence, or one of its limbs, with the limb's own facts and the offence's where the limb is silent."""

    offence: Offence
    limb: Limb | None

    @property
    def id(self) -> str:
        return self.offence.id

    @property
    def limb_id(self) -> str | None:
        return self.limb.id if self.limb else None

    @property
    def citation(self) -> str:
        """The citation as a reason quotes it: 's.127(1)', or 's.127(1) (grossly offensive limb)'."""
        return self.offence.cited if self.limb is None else limb_citation(self.offence, self.limb.id)

    def _pick(self, name: str) -> Any:
        own = getattr(self.limb, name) if self.limb is not None else None
        return own if own is not None else getattr(self.offence, name)

    @property
    def category(self) -> str:
        return self.limb.category if self.limb else self.offence.category

    @property
    def mental_element(self) -> str:
        value: str = self._pick("mental_element")
        return value

    @property
    def without_right(self) -> bool | str:
        value: bool | str = self._pick("without_right")
        return value

    @property
    def ulterior_intent(self) -> str:
        value: str = self._pick("ulterior_intent")
        return value

    @property
    def harm_threshold(self) -> str:
        value: str = self._pick("harm_threshold")
        return value

    @property
    def additional_elements(self) -> tuple[str, ...]:
        return (*self.offence.additional_elements, *(self.limb.additional_elements if self.limb else ()))

    @property
    def terms(self) -> tuple[Term, ...] | Literal["unspecified"]:
        value: tuple[Term, ...] | Literal["unspecified"] = self._pick("terms")
        return value

    @property
    def defences(self) -> tuple[Defence, ...] | Literal["none", "unspecified"]:
        value: tuple[Defence, ...] | Literal["none", "unspecified"] = self._pick("defences")
        return value

    @property
    def defence_list(self) -> tuple[Defence, ...]:
        d = self.defences
        return d if isinstance(d, tuple) else ()

    @property
    def groups_affected(self) -> tuple[GroupImpact, ...] | Literal["unspecified"]:
        value: tuple[GroupImpact, ...] | Literal["unspecified"] = self._pick("groups_affected")
        return value

    @property
    def group_list(self) -> tuple[GroupImpact, ...]:
        g = self.groups_affected
        return g if isinstance(g, tuple) else ()

    @property
    def penalty(self) -> Penalty:
        value: Penalty = self._pick("penalty")
        return value

    @property
    def aggravated(self) -> tuple[AggravatedPenalty, ...]:
        return self.offence.aggravated

    def penalties(self) -> tuple[Penalty, ...]:
        """The unit's basic penalty followed by the offence's aggravated variants."""
        return (self.penalty, *(a.penalty for a in self.offence.aggravated))

    @property
    def paraphrase(self) -> str:
        return self.limb.conduct if self.limb else self.offence.paraphrase

    @property
    def excerpt(self) -> str | None:
        """The limb's own excerpt; never the section's, which holds its sibling limbs' words too."""
        return self.limb.excerpt if self.limb is not None else self.offence.excerpt

    @property
    def confidence(self) -> Confidence:
        return self.offence.confidence

    @property
    def path(self) -> str:
        """Where the unit's facts are in the law data, for evidence: 'offences[s127].limbs[grossly-offensive]'."""
        base = f"offences[{self.offence.id}]"
        return base if self.limb is None else f"{base}.limbs[{self.limb.id}]"


def limb_citation(offence: Offence, limb_id: str) -> str:
    """How reports cite one limb of an offence: 's.127(1) (grossly offensive limb)'."""
    return f"{offence.cited} ({limb_id.replace('-', ' ')} limb)"
