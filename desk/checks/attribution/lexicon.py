"""Word lists for naming speakers: titles, particles, stop words, role nouns, first names."""

from __future__ import annotations

import re

TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "president", "vice", "prime", "minister", "secretary", "gen", "general", "col", "colonel", "lt",
    "lieutenant", "capt", "captain", "sgt", "sergeant", "prof", "professor", "rev", "reverend", "sir",
    "dame", "lord", "lady", "judge", "justice", "mayor", "chairman", "chairwoman", "chair", "ceo",
    "former", "adm", "admiral", "ambassador", "speaker", "leader", "commissioner", "chief", "director",
    "deputy", "attorney", "state", "foreign", "defense", "defence", "interior", "homeland", "security",
    "house", "senate", "majority", "minority", "press", "sheriff", "detective", "officer", "coach",
    "pope", "king", "queen", "prince", "princess", "sheikh", "rabbi", "father", "bishop", "cardinal",
    "democratic", "republican", "gop", "u.s.", "us", "acting", "assistant", "associate", "executive",
    "national", "spokesman", "spokeswoman", "spokesperson", "candidate", "nominee", "congressman",
    "congresswoman", "councilman", "councilwoman", "councillor", "assemblyman", "assemblywoman",
    "presidential", "sens", "reps", "treasury", "health", "education", "labor", "justice", "energy",
    "commerce", "agriculture", "transportation", "finance", "economy", "trade", "ministry", "department",
    "supreme", "court", "district", "county", "city", "federal", "first", "maj", "cmdr", "supt", "det",
    "insp", "inspector", "superintendent", "chancellor", "premier", "emir", "ayatollah", "mullah",
    "imam", "pastor", "mp", "mep", "lawmaker", "dem", "sec", "pres", "hon", "jr", "sr", "del", "delegate", "archbishop", "gen.",
}
# Occupations written as a title before a name in news copy ("Analyst Dana Kerr wrote …",
# "Economist Li Wen said …"): the name is the person, the occupation is not part of it.
OCCUPATION_TITLES = {
    "analyst", "economist", "strategist", "pollster", "historian", "activist", "lawyer",
    "researcher", "scientist", "columnist", "commentator", "consultant", "author", "novelist",
    "physician", "epidemiologist", "virologist", "entrepreneur", "organizer", "organiser",
}
TITLE_WORDS |= OCCUPATION_TITLES
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "rev"}
PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der", "den", "du", "del",
             "della", "la", "le", "dos", "das", "y", "ben", "st.", "mac", "ter", "ul"}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "one", "another", "two", "three",
               "several", "many", "some", "other", "most", "both", "each", "these", "those", "this",
               "that", "our", "my", "your", "no", "any", "all", "few", "four", "five", "dozens"}
PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "", "we": "p", "it": "n"}
STOP_BACK = {"that", "which", "who", "whom", "and", "but", "or", "when", "while", "as", "if",
             "because", "after", "before", "since", "where", "than", "so", "then", "to", "of", "in", "on",
             "at", "for", "from", "with", "by", "about", "what", "how", "why", "said", "says", "is", "was",
             "are", "were", "be", "been", "not", "also"}
# Capitalised words that start sentences and clauses but are never names.
CAP_STOP = {"when", "while", "if", "as", "but", "and", "in", "on", "at", "after", "before", "asked",
            "it", "this", "that", "there", "then", "still", "however", "yet", "so", "meanwhile",
            "although", "though", "because", "since", "now", "later", "earlier", "here", "what", "why",
            "how", "who", "where", "we", "i", "they", "he", "she", "you", "our", "his", "her", "their",
            "its", "my", "your", "for", "with", "from", "by", "to", "of", "not", "no", "yes", "speaking",
            "according", "writing", "following", "during", "despite", "instead", "indeed", "also",
            "until", "once", "even", "just", "all", "some", "many", "most", "these", "those", "each",
            "every", "both", "such", "another", "other", "a", "an", "or", "nor", "about", "like", "said",
            "more", "fewer", "less", "than", "there", "here", "let",
            "says", "told", "added", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december", "mr", "mrs", "ms", "dr", "editor's",
            # adverbs of time and manner that open a sentence ("Hastily, …"); not "early" or
            # "late", which are surnames too
            *("likewise", "otherwise", "nevertheless", "nonetheless", "moreover", "furthermore",
              "additionally", "regardless", "overall", "ironically", "notably", "separately", "based",
              "soon", "shortly", "recently", "finally", "hastily", "quickly", "suddenly",
              "eventually", "initially", "previously", "ultimately", "subsequently", "afterwards",
              "afterward", "lately", "briefly"),
            # places and counts that open a sentence ("Somewhere in the speech, he …", "Eight
            # years ago, she …"): never a name
            *("somewhere", "elsewhere", "everywhere", "anywhere", "nowhere", "outside", "inside",
              "nearby", "overseas", "abroad", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
              "twenty", "thirty", "forty", "fifty", "hundreds", "thousands", "millions"),
            # prepositions opening a sentence ("Outside the campaign, …")
            *("outside", "inside", "across", "among", "amid", "amidst", "beyond", "within", "without",
              "throughout", "behind", "between", "toward", "towards", "through", "against", "regarding",
              "including", "unlike", "amongst", "upon", "via")}
# the head of a time phrase opening a sentence ("A month later, he …"), never a speaker
TIME_NOUNS = {"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
              "hour", "hours", "minute", "minutes", "moment", "moments", "night", "nights", "morning",
              "afternoon", "evening", "weekend", "weekends", "century", "while", "time"}
PREPS = {"of", "at", "for", "from", "with", "in", "on"}
TRAILING_SKIP = {"also", "has", "had", "have", "later", "then", "would", "will", "once", "again",
                 "previously", "recently", "repeatedly", "frequently", "often", "reportedly", "publicly",
                 "privately", "simply", "just", "even", "further", "first", "finally", "initially",
                 "had", "has", "could", "might", "may", "should", "would", "can", "did", "does", "do",
                 "never", "always", "still", "quickly", "flatly", "bluntly", "angrily", "famously",
                 "memorably", "once", "twice", "subsequently", "since", "already", "herself", "himself",
                 "themselves", "itself", "all", "both", "not", "been", "is", "was", "are", "were", "being",
                 "only", "too"}
ORG_WORDS = {
    "ministry", "department", "post", "times", "news", "party", "committee", "campaign", "agency",
    "association", "council", "office", "police", "court", "university", "institute", "corporation",
    "inc", "inc.", "group", "foundation", "bank", "commission", "service", "administration",
    "government", "network", "journal", "tribune", "press", "company", "co.", "corp.", "ltd", "board", "union", "center", "centre",
    "organization", "organisation", "authority", "house", "senate", "congress", "parliament", "army",
    "navy", "pentagon", "kremlin", "embassy", "club", "league", "federation", "fund", "coalition",
    "alliance", "movement", "church", "school", "college", "hospital", "magazine", "newspaper",
    "website", "blog", "statement", "memo", "report", "column", "article",
    "editorial", "letter", "study", "survey", "poll", "document", "filing", "lawsuit", "complaint",
    "release", "website", "bureau", "secretariat", "directorate", "cabinet", "council", "senate",
    "staff", "team", "firm", "insider", "guardian", "telegraph", "herald", "gazette", "observer",
    "index", "convention", "conference", "summit", "caucus",
}
ANON_HEADS = {"official", "officials", "source", "sources", "aide", "aides", "adviser", "advisers",
              "advisor", "advisors", "person", "people", "insider", "insiders", "diplomat", "diplomats",
              "spokesman", "spokeswoman", "spokesperson", "staffer", "staffers", "employee", "employees",
              "member", "members", "officer", "officers", "strategist", "strategists", "operative",
              "operatives", "witness", "witnesses", "resident", "residents", "expert", "experts",
              "analyst", "analysts", "critic", "critics", "supporter", "supporters", "observers",
              "lawmaker", "lawmakers", "executive", "executives", "worker", "workers", "student",
              "students", "voter", "voters", "man", "woman", "men", "women", "friend", "friends",
              "colleague", "colleagues", "negotiator", "negotiators", "protester", "protesters"}
_ADJECTIVAL = {"former", "acting", "assistant", "associate", "national", "first", "federal", "supreme",
               "presidential", "democratic", "republican", "foreign", "state", "vice", "prime", "deputy",
               "interior", "homeland", "security", "defense", "defence", "senate", "house", "majority",
               "minority", "district", "county", "city", "health", "education", "labor", "energy", "commerce",
               "agriculture", "transportation", "finance", "economy", "trade", "treasury", "press", "attorney",
               "general", "executive", "chief", "justice"}
HEAD_NOUNS = (ANON_HEADS | {w for w in ORG_WORDS if w.isalpha()}
              | {w for w in TITLE_WORDS if w.isalpha() and len(w) > 3 and w not in _ADJECTIVAL}
              | {"senator", "governor", "nominee", "candidate", "president", "mother", "father", "wife", "husband",
                 "son", "daughter", "chief", "head", "columnist", "reporter", "writer", "author", "host",
                 "anchor", "pollster", "lawyer", "attorney", "professor", "scientist", "doctor",
                 "narrator", "group", "organization", "organisation", "firm", "study", "paper",
                 "manager", "founder", "owner", "editor", "publisher", "producer", "organizer",
                 "organiser", "activist", "advocate", "researcher", "scholar", "fellow", "historian",
                 "consultant", "coordinator", "veteran", "mayor", "judge", "prosecutor", "physician",
                 "nurse", "teacher", "farmer", "pastor", "priest", "neighbor", "neighbour",
                 # what carries words for someone: "a Voss campaign ad attacks …"
                 "ad", "advert", "advertisement", "commercial", "mailer", "flyer", "video", "tweet",
                 # where a person's or a body's words are posted: "the guild's Facebook page calls it …"
                 "page", "account", "profile", "summary", "site", "feed", "biography", "bio", "caption",
                 "transcript", "sign", "banner", "placard", "petition"})
# Roles that name one person ("the senator", "the Republican nominee"): a pronoun may refer
# back to them.
PERSON_ROLES = {"president", "senator", "governor", "mayor", "nominee", "candidate", "minister",
                "secretary", "chairman", "chairwoman", "chair", "director", "spokesman", "spokeswoman",
                "spokesperson", "congressman", "congresswoman", "lawmaker", "leader", "judge", "justice",
                "ambassador", "official", "commissioner", "chief", "sheriff", "general", "frontrunner",
                "front-runner", "talker", "host", "billionaire", "businessman", "businesswoman",
                "author", "writer", "columnist", "analyst", "adviser", "advisor", "aide", "founder",
                "executive", "ceo", "premier", "chancellor", "king", "queen", "prince", "pope",
                "representative", "delegate", "activist", "lawyer", "attorney", "prosecutor", "officer",
                "economist", "professor", "scientist", "doctor", "physician", "coach", "manager",
                "owner", "veteran", "incumbent", "challenger", "republican", "democrat", "man", "woman"}

# numbered parts of a text that can be quoted: "Article 33 affirms", "Section 4 states"
NUMBERED_HEADS = {"article", "section", "amendment", "proposition", "resolution", "rule", "chapter", "clause",
                  "paragraph", "psalm", "psalms", "verse", "canon", "regulation", "directive"}
# "the Center for American Progress", "the Committee to Protect Journalists": a body's name
# runs on through these words after one of these heads
ORG_LINKS = {"of", "for", "to", "on", "against", "without"}
ORG_HEADS = {"center", "centre", "bureau", "committee", "alliance", "department", "league", "institute",
             "council", "association", "coalition", "foundation", "federation", "society", "office",
             "commission", "agency", "board", "fund", "campaign", "project", "union", "doctors",
             "citizens", "network", "organization", "organisation", "ministry", "party"}
# titles that are surnames too: "Billie Ray King … King says", "Judge said" (Ada Judge)
SURNAME_TITLES = {"king", "judge", "bishop", "pope", "prince", "lord", "chancellor", "cardinal", "pastor"}

# Nouns a "to" phrase belongs to: "a senior adviser to Lena Voss", "the ambassador to Ardena".
TO_HEADS = {"adviser", "advisor", "advisers", "advisors", "aide", "aides", "spokesman", "spokeswoman",
            "spokesperson", "ambassador", "envoy", "assistant", "counsel", "consultant", "successor",
            "deputy", "secretary", "heir", "confidant", "confidante", "delegate", "emissary"}

# Nouns that head a phrase after a name: "Ruiz supporters", "the Voss campaign".
GROUP_HEADS = {"supporters", "allies", "aides", "campaign", "camp", "team", "advisers", "advisors",
               "loyalists", "backers", "critics", "staff", "staffers", "voters", "fans", "spokesman",
               "spokeswoman", "spokesperson", "lawyers", "attorneys", "administration", "officials"}
TRULY_ANON = {"official", "officials", "source", "sources", "insider", "insiders", "aide", "aides",
              "adviser", "advisers", "advisor", "advisors", "diplomat", "diplomats", "person", "people"}
ANONYMITY_RE = re.compile(r"\b(?:anonymity|not (?:authori[sz]ed|permitted|allowed) to|asked not to be|"
                          r"declined to be (?:named|identified)|insisted on anonymity|requested anonymity|"
                          r"would not be named|speaking anonymously)\b", re.I)
# Gender is read from the text itself, never from lists of names: honorifics, gendered role
# nouns next to the name, and the pronouns the article uses for that person (people.py).
FEMALE_WORDS = {"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "duchess",
                "spokeswoman", "chairwoman", "congresswoman", "councilwoman", "assemblywoman",
                "businesswoman", "sportswoman", "stateswoman", "anchorwoman", "policewoman",
                "actress", "waitress", "mother", "wife", "daughter", "sister", "grandmother", "aunt",
                "niece", "widow", "girlfriend", "woman", "girl", "mrs.", "ms."}
MALE_WORDS = {"mr", "sir", "lord", "king", "prince", "duke", "spokesman", "chairman", "congressman",
              "councilman", "assemblyman", "businessman", "sportsman", "statesman", "anchorman",
              "policeman", "actor", "waiter", "father", "husband", "son", "brother", "grandfather",
              "uncle", "nephew", "widower", "boyfriend", "man", "boy", "mr."}

INTRO_WORDS = {"in", "on", "at", "during", "after", "before", "when", "while", "asked", "speaking",
               "however", "though", "meanwhile", "still", "yet", "but", "and", "also", "instead", "later",
               "earlier", "then", "now", "separately", "similarly", "indeed", "too", "in", "for", "with",
               "according", "writing", "following", "despite", "unlike", "like", "as", "since", "if",
               "although", "today", "yesterday", "tonight", "last", "this", "that", "which", "who", "by",
               "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan.", "feb.",
               "aug.", "sept.", "oct.", "nov.", "dec.", "january", "february", "march", "april", "may",
               "june", "july", "august", "september", "october", "november", "december", "of", "to", "from",
               "about", "among", "amid", "over", "under", "without", "within", "through",
               "outside", "across", "throughout", "elsewhere", "somewhere", "nearby",
               "soon", "shortly", "recently", "finally", "hastily", "quickly", "suddenly",
               "eventually", "initially", "previously", "ultimately", "subsequently", "afterwards", "briefly"}
FWD_STOP = {"on", "in", "at", "during", "after", "before", "when", "while", "to", "as", "who", "which",
             "that", "because", "about", "last", "this", "earlier", "later", "yesterday", "today",
             "tonight", "adding", "referring", "told", "said", "and", "but", "was", "is", "has", "had",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "through",
             "via", "under", "over", "into", "outside", "inside", "amid", "with", "by", "than", "then",
             "recently", "also", "again", "of", "for", "from"}
PLACEISH = {"new", "los", "las", "san", "santa", "saint", "st", "north", "south", "east", "west",
             "united", "fort", "mount", "lake", "river", "street", "avenue", "road", "county", "city", "state",
             "states", "university", "house", "island", "islands", "republic", "kingdom", "gulf", "sea", "bay",
             "valley", "park", "square", "hall", "center", "centre", "airport", "station", "bridge", "district",
             "province", "region", "coast", "beach", "hills", "heights", "middle", "central", "great", "little",
             "upper", "lower", "old", "ground", "zero", "white", "capitol", "hill", "wall", "times", "post",
             "news", "league", "party", "day", "week", "year", "act", "bill", "law", "war", "union", "court",
             "american", "americans", "democrats", "republicans", "european", "national", "international",
             "federal", "world", "asia", "africa", "america", "europe", "jr", "sr",
             # events, laws and plans are not people either
             "caucuses", "primary", "debate", "hearing", "rally", "festival", "games", "series",
             "show", "program", "programme", "amendment", "constitution", "declaration", "treaty",
             "accord", "agreement", "plan", "policy", "initiative", "project"} | ORG_WORDS


# --- Cues: the one lexicon of speech verbs and phrases ---------------------------------
# Each regular verb is listed once by its base form; its forms in text (-s, -ed, -ing) are
# generated by _forms. Spelling exceptions (doubling, irregular pasts) are spelled out.
_SPEECH_VERBS = """
add ask state declare explain continue note argue insist claim warn reply respond answer recall
concede acknowledge admit announce suggest predict promise pledge vow urge call describe dub label
brand term praise criticize criticise accuse mock joke quip stress emphasize emphasise observe
remark conclude complain lament boast counter retort shout yell testify report offer demur assert
contend maintain charge blast slam tout cite exclaim repeat reiterate confirm agree disagree muse
wonder mutter proclaim advise caution recount hail decry dismiss denounce condemn defend thank laud
welcome question challenge threaten sigh chuckle laugh scoff snap scream chant whisper interject
plead opine query inquire cry deny press demand interrupt elaborate clarify tease fume rage gush
marvel echo text email message reveal tweet retweet post allege deride ridicule characterize
characterise liken blame hint insist reason recommend remind caution concur lash rail snipe
remember affirm
lambaste bemoan scold chide rebuke berate assail excoriate castigate mention speculate confess disclose
brag rebut deplore
"""
_IRREGULAR = {  # base: forms beyond the base itself
    "say": "says said saying", "tell": "tells told telling", "write": "writes wrote writing written",
    "read": "reads", "sing": "sings sang singing",
    "admit": "admits admitted admitting", "quip": "quips quipped quipping", "snap": "snaps snapped snapping",
    "label": "labels labeled labelled labeling labelling", "marvel": "marvels marveled marvelled",
    "testify": "testifies testified testifying", "reply": "replies replied replying",
    "cry": "cries cried crying", "deny": "denies denied denying", "query": "queries queried",
    "dub": "dubs dubbed dubbing", "slam": "slams slammed slamming", "rail": "rails railed railing",
    "retweet": "retweets retweeted retweeting", "tweet": "tweets tweeted tweeting",
    "text": "texted texting", "email": "emailed emailing", "message": "messaged messaging",
    "demur": "demurs demurred", "concur": "concurs concurred", "deadpan": "deadpanned",
    "rebut": "rebuts rebutted", "brag": "brags bragged bragging",
    "speak": "speaks spoke speaking",
}
# Phrases of attribution (several words): "went on to say", "was quoted as saying".
SPEECH_PHRASES = {
    "according to", "in the words of", "went on", "goes on", "went on to say", "pointed out",
    "points out", "pointing out", "put it", "puts it", "chimed in", "chimes in", "shot back",
    "fired back", "wrote in", "quoted as saying", "weighed in", "spoke out", "summed up",
    # a statement put out by someone: "the ministry issued a statement", "released a statement"
    "issued a statement", "released a statement", "put out a statement", "issued a statement saying",
    # talking a thing up or about it: "Voss talked up her “fifty-town plan”"
    "talked up", "talks up", "talked about", "hit back", "hits back", "hit out",
    # a verdict: "the court ruled that …", "the study found that …"
    "ruled that", "rules that", "found that", "finds that",
    # telling a story: "the pastor related that …" (not "related to", "a related case")
    "related that", "relates that", "related how", "relates how",
    # an inverted reply: "“No,” came the reply from Voss"
    "came the reply from", "came the response from", "came the answer from", "came the reply",
    "came the response", "came the answer",
    # a sentence opening on its source: "To quote Voss, “…”"
    "To quote",
}
# Forms that are more often nouns ("the claims", "her notes"): cues only right after a
# quotation (“…,” the letter reads).
AMBIGUOUS_FORMS = {"reads", "notes", "claims", "states", "posts", "tweets", "quips", "reports", "calls", "charges", "offers", "counters", "questions",
                   "texts", "messages", "echoes", "cites", "welcomes", "thanks", "presses",
                   "answers", "remarks", "promises", "warnings",
                   "laughs", "quotes", "hints", "demands", "labels", "brands", "terms", "blasts",
                   "attacks", "comments"}
# Base forms kept as cues (present tense with a plural subject: "officials say", "critics argue").
BASE_CUES = _BASE_CUES = {"say", "tell", "ask", "add", "explain", "insist", "argue", "suggest", "warn", "claim",
              "note", "write", "contend", "maintain", "read"}
# Verbs whose subject may follow them after a quotation: “…,” said Ana Ruiz.
_INVERTING = """said says asked asks added adds wrote writes continued explained replied noted declared
tweeted recalled responded answered insisted argued warned told tells observed remarked concluded
complained countered stated acknowledged conceded admitted quipped joked cautioned suggested
announced claimed shouted yelled exclaimed posted reported reports mused agreed testified read reads
predicted stressed notes states claims continues tweets posts quips jokes concludes retweeted
wrote recounted offered interjected spoke""".split()
# The plain reporting verbs: they report someone's words in every construction (asides
# "the plan, she said, was …", trailing credits ", said Ruiz", nested reports "Ruiz said
# the members were …", "Ruiz said" making Ruiz a person). One list, used by every finder.
REPORTING_VERBS = ("said", "says", "told", "tells", "added", "adds", "wrote", "writes", "noted", "notes",
                   "explained", "argued", "argues", "claimed", "claims", "insisted", "insists", "recalled",
                   "warned", "warns", "testified", "reported", "observed", "cautioned", "conceded",
                   "acknowledged", "predicted", "suggested", "suggests", "concluded", "asked", "replied",
                   "responded", "continued")
# Past participles of writing or saying in a passive credit: "“…” was written by Ana Ruiz".
PASSIVE_CREDITS = ("written", "said", "spoken", "uttered", "tweeted", "posted", "coined", "penned", "sung",
                   "shouted", "voiced", "quoted")


def verbs_pattern(verbs) -> str:
    """An alternation of whole words, longest first."""
    return "(?:" + "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) + ")"


# The hearer, not the speaker, follows these: “…,” told the Gazette.
HEARER_VERBS = {"told", "tells"}
# Nouns that carry a quotation when someone's: "her allegation of a “rigged” vote".
NOUN_CUES = {"claim", "claims", "allegation", "allegations", "assertion", "insistence", "argument",
             "warning", "promise", "pledge", "vow", "remark", "remarks", "comment", "comments", "quip",
             "boast", "accusation", "suggestion", "declaration", "contention", "complaint", "words",
             "description", "characterization", "characterisation", "charge", "statement", "tweet",
             "post", "message", "speech", "answer", "response", "reply", "admission", "prediction",
             # a verdict given as a quotation: "Voss’s take: “…”"
             "take", "verdict", "reaction", "retort", "rejoinder", "assessment", "explanation",
             # words someone keeps saying: "Voss’s campaign slogan is “…”"
             "slogan", "motto", "mantra", "catchphrase", "refrain", "pitch",
             # a finding or a view given in words: "the director's conclusion that it was “careless”"
             "conclusion", "finding", "findings", "view", "belief", "observation", "opinion",
             "recollection", "testimony", "criticism", "denial", "apology", "plea", "demand",
             "threat", "insult", "joke", "question", "ruling", "diagnosis", "forecast", "boasts",
             # words someone used: "Voss's phrase, “…”", "her rallying cry of “…”", "his term for it"
             "phrase", "term", "cry", "nickname", "reference", "dismissal",
             # an attack or praise in words: "his swipe at Beck's “…”", "her praise for the “…”"
             "attack", "jab", "swipe", "dig", "broadside", "praise", "defense", "defence",
             # a case made or a view held in words: "her case for “…”", "his vision of “…”"
             "case", "vision", "concern", "concerns", "fear", "fears", "hope", "hopes"}


def _forms(base: str) -> set[str]:
    if base in _IRREGULAR:
        return {base, *_IRREGULAR[base].split()}
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x", "o")) else "s")
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    if base.endswith("ee"):
        return {base, third, base + "d", base + "ing"}
    if base.endswith("e"):
        return {base, third, base + "d", base[:-1] + "ing"}
    return {base, third, base + "ed", base + "ing"}


# Base forms of every speech verb ("prompted Ruiz to call …"), and of verbs of fearing or
# believing that take someone's words as their object ("led Ruiz to fear a “lost decade”").
SPEECH_BASES = frozenset(_SPEECH_VERBS.split()) | frozenset(_IRREGULAR) | {"fear", "worry", "believe", "doubt",
                                                                          "declare", "predict", "question"}
SPEECH_VERB_FORMS: set[str] = set()
for _b in _SPEECH_VERBS.split():
    SPEECH_VERB_FORMS |= _forms(_b)
for _b in _IRREGULAR:
    SPEECH_VERB_FORMS |= _forms(_b)
# bare base forms are nouns too often ("a call", "the report"); keep only the listed ones
SPEECH_VERB_FORMS -= {b for b in _SPEECH_VERBS.split() + list(_IRREGULAR) if b not in _BASE_CUES}
# forms that are usually something else: "written by", "the reasoning", "his pressing need"
SPEECH_VERB_FORMS -= {"written", "pressing", "offering", "reasoning", "questioning", "posting", "crying",
                      "charging", "continuing", "wondering", "reminding", "welcoming", "thanking"}
AMBIGUOUS_FORMS |= {"state", "reasons", "rails", "lashes", "snaps", "cries", "queries", "chants", "whispers",
                    "screams", "sighs", "shouts", "yells", "retorts", "rages", "fumes", "hails",
                    "challenges", "muses", "laments", "boasts", "praises", "threatens"}
SPEECH_VERB_FORMS -= AMBIGUOUS_FORMS
SPEECH_FORMS: set[str] = SPEECH_VERB_FORMS | SPEECH_PHRASES
# written capitalised, as the platform's name: "Omar Beck, the club's owner, Tweeted"
SPEECH_FORMS |= {"Tweeted", "Tweets", "Retweeted"}
# any past or third-person form of a speech verb may invert after a quotation
# (not the naming verbs: "a fund called Future45", "a plan dubbed …" name a thing)
_NAMING = {"called", "calls", "dubbed", "dubs", "labeled", "labelled", "labels", "termed", "terms", "branded",
           "brands", "described", "describes", "characterized", "characterised", "likened", "cited", "quoted",
           "blamed", "accused", "praised", "hailed", "mocked", "criticized", "criticised", "condemned",
           "denounced", "welcomed", "thanked", "challenged", "questioned", "dismissed", "defended"}
INVERSION_FORMS: set[str] = (set(_INVERTING) | {"went on", "related that", "relates that"} | {p for p in SPEECH_PHRASES if p.startswith("came the")} | {
    f for f in SPEECH_VERB_FORMS if f.endswith(("ed", "s")) and " " not in f}) - HEARER_VERBS - _NAMING \
    | {"told", "tells"}
