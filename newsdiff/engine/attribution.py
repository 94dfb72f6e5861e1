"""The patterns news copy uses to say who is speaking, as regular expressions.

A speaker is a name ("Kirby", "Foreign Secretary James Cleverley", "the White House"), a
pronoun (resolved later), or a description ("a council spokesperson", "the company's chief
executive", "Calvadia’s interior ministry"). Verbs cover reporting verbs in the past and
present tense, since translated copy says "indicates M. Lefaure" and "she estimates".
"""

import regex

from newsdiff.engine.names import NAME

_VERB_WORDS = """say says said saying tell tells told telling add adds added adding state states
stated explain explains explained note notes noted write writes wrote ask asks asked answer
answers answered reply replies replied warn warns warned argue argues argued insist insists
insisted continue continues continued declare declares declared announce announces announced
claim claims claimed tweet tweeted post posted respond responds responded remark remarked
recall recalls recalled acknowledge acknowledges acknowledged admit admits admitted concede
concedes conceded comment commented emphasize emphasizes emphasized emphasise emphasises
emphasised stress stresses stressed caution cautioned complain complains complained conclude
concluded observe observed predict predicted suggest suggests suggested urge urges urged vow
vows vowed pledge pledged promise promised confirm confirms confirmed deny denies denied
maintain maintains maintained contend contends contended assert asserts asserted agree agreed
shout shouted accuse accuses accused describe describes described call calls called quip
quipped joke joked recount recounted exclaim exclaimed reiterate reiterated testify testified
counter countered allege alleged report reported indicate indicates indicated specify specifies
specified estimate estimates estimated assure assures assured regret regrets regretted confide
confides confided lament laments lamented affirm affirms affirmed retort retorts retorted
sigh sighs sighed speak speaks spoke summarise summarises summarised summarize summarizes
summarized wonder wonders wondered judge judges judged believe believes believed refer refers
referred""".split()
# Verbs that may come before their speaker (",” said Kirby", "» précise M. Lefaure").
_INVERTED_WORDS = """said says added adds continued continues wrote writes explained explains
noted notes stated states warned warns insisted insists declared declares recalled recalls
replied replies responded responds argued argues asked asks concluded remarked indicates
indicated specifies specified estimates assures assured regrets confided confides admits
admitted told""".split()

# Headlines capitalise their verbs ("Lumora Chief Says Cuts Are …").
VERBS = r"(?:" + "|".join(sorted(set(_VERB_WORDS) | {"Says", "Said", "Tells", "Warns", "Vows",
                                                    "Admits", "Insists", "Denies", "Claims"},
                                 key=len, reverse=True)) + r")\b"
INVERTED = r"(?:" + "|".join(sorted(set(_INVERTED_WORDS), key=len, reverse=True)) + r")\b"
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey)"
_PREPOSITION = r"(?:in|at|on|to|of|from|with|by|for|after|before|during|that|this|when|while|as|about|last|late|early|earlier|later|then|also)"
_LOWER = r"[\p{Ll}\-’']+"
# "a council spokesperson", "the group’s chair", "Calvadia’s interior ministry",
# "A spokesman for Caldera Lines"
_NOT_DESCRIPTION = (r"(?:would|will|could|should|can|may|might|must|did|does|do|has|have|had|is|"
                     r"was|were|are|be|been|not|who|which|that|also|then|still|now|later|again|"
                     r"and|or|but)\b")
DESCRIPTION = (
    rf"(?:(?:[Tt]he|[Aa]n?)\s+|{NAME}[’']s\s+)(?:(?!{_NOT_DESCRIPTION})[\p{{L}}\-’']+\s+){{0,3}}?"
    rf"(?!{_NOT_DESCRIPTION}){_LOWER}"
    rf"(?:\s+(?:of|for|at)\s+(?:the\s+)?(?:{NAME}|{_LOWER}))?"
)
# A name starts a run of capitals: never "Association" out of "Arland Steel Association".
_NAME_START = r"(?<!\p{Lu}[\p{L}\p{M}'’\-.]*[^\S\n])"
WHO = (rf"(?:(?P<pro>\b{PRONOUN}\b)|(?:[Tt]he\s+)?{_NAME_START}(?P<who>{NAME})"
       rf"|(?P<desc>{DESCRIPTION}))")
# "Tove Lindahl of the Arland Steel Association called …"
_AFFILIATION = rf"(?:\s+(?:of|from|at)\s+(?:the\s+)?{NAME})?"
# A role before the name: "said organiser Gwen Treloar", "said the trust’s chief executive, Dr"
_ROLE = rf"(?:(?:the|a|an)\s+)?(?:(?!{_PREPOSITION}\b)[\p{{L}}\-’']+,?\s+){{0,4}}?"
_APPOSITION = r"(?:(?:,[^,“”\"«»\n]{1,90}){1,3},)?"
_ADVERB = r"(?:\s+(?:also|later|then|again|further|previously|earlier|once|had|has|have|\w+ly|on\s+\p{Lu}\p{Ll}+day))?"

# Right after the closing mark: ",” said Kirby" / ",” Kirby said" / ",” the company's managing
# director, Graham Tull, said" / ",” according to Kirby".
AFTER_VERB_NAME = regex.compile(rf"^[\s,;—–-]*{INVERTED}\s+{_ROLE}(?:[Tt]he\s+)?(?P<who>{NAME})")
AFTER_VERB_FIRST = regex.compile(rf"^[\s,;—–-]*{INVERTED}\s+{WHO}")
AFTER_WHO_FIRST = regex.compile(
    rf"^[\s,;—–-]*(?:[^,“”\"«»\n.]{{1,60}},\s+)?{WHO}(?P<apposition>{_APPOSITION}){_ADVERB}"
    rf"\s+{VERBS}")
AFTER_ACCORDING = regex.compile(rf"^[\s,;—–-]*according\s+to\s+{WHO}")
# Anywhere in the quote's sentence.
WHO_VERB = regex.compile(rf"{WHO}{_AFFILIATION}(?P<apposition>{_APPOSITION}){_ADVERB}\s+{VERBS}")
# The name at the end of an apposition: "The inquiry's chairman, Sir Malcolm Reid, said".
APPOSED_NAME = regex.compile(rf",\s*(?:[Tt]he\s+)?(?P<who>{NAME})\s*,$")
VERB_WHO = regex.compile(rf"\b{INVERTED}\s+{_ROLE}(?:[Tt]he\s+)?(?P<who>{NAME})")
# Whether a name at hand speaks: a reporting verb right after it, or an inverted one before.
SPEAKS_AFTER = regex.compile(rf"{_AFFILIATION}(?:{_APPOSITION}){_ADVERB}\s+{VERBS}")
SPOKEN_BEFORE = regex.compile(rf"\b{INVERTED}\s+(?:the\s+)?$")
ACCORDING = regex.compile(rf"[Aa]ccording\s+to\s+{WHO}")
ANY_WHO = regex.compile(WHO)
SENTENCE_END = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|No|Prof|\p{Lu}))[.!?][”\"’»]?(?=\s|$)")
PARAGRAPH_BREAK = regex.compile(r"\n\s*\n")
OPENING = regex.compile(r"[“„«\"‘‚`]")
PREPOSITION_BEFORE = regex.compile(rf"(?i)\b(?:{_PREPOSITION}|the|by|under|outside|inside|into|than|whose|his|her|their)\s+$")
