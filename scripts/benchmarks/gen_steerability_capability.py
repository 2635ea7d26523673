#!/usr/bin/env python3
"""Built-in benchmarks of the `steerability` and `capability` categories.

    python3 scripts/benchmarks/gen_steerability_capability.py

writes data/benchmarks/steerability/*.jsonl and data/benchmarks/capability/*.jsonl.
Every item comes from a hand-written situation template whose slots (names, places,
numbers, phrasings) are filled by a seeded `random.Random`; answers to arithmetic,
reading and logic items are computed in code. All benchmarks grade offline: free-text
items carry a task verifier (`verify`, docs/tasks.md), multiple-choice items are scored
by log-likelihood.

  steerability-format    free-text + verify   explicit format instructions (bullets, JSON, limits, fixed lines)
  steerability-voice     free-text + verify   persona / tone / register instructions checkable from the words used
  steerability-register  mc-loglik            the reply in the requested style among the same facts in other styles
  capability-arithmetic  free-text + verify   new multi-step word problems
  capability-instructions free-text + verify  writing tasks with 2-4 simultaneous format constraints
  capability-reading     free-text + verify   questions on invented passages
  capability-logic       mc-loglik            computed logic, calendar, number and basic-knowledge questions
"""
import math
import os
import random
import re
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SEED = 2121
MADE_BY = "scripts/benchmarks/gen_steerability_capability.py (templates expanded programmatically)"
BASE = {"source": "written for ethos", "license": "Apache-2.0", "made_by": MADE_BY}

# ---------------------------------------------------------------------------------------
# Shared pools and helpers

NAMES = ["Aiko", "Bram", "Celeste", "Dmitri", "Esme", "Farid", "Greta", "Hugo", "Ines", "Jonah", "Kavya",
         "Lucien", "Maren", "Nikhil", "Odile", "Pablo", "Rhea", "Soren", "Talia", "Ulrich", "Vikram", "Wren",
         "Ximena", "Yara", "Zane", "Beatriz", "Caspian", "Delphine", "Emeka", "Freya", "Gideon", "Halima",
         "Idris", "Juno", "Kasimir", "Leilani", "Mirela", "Nnamdi", "Orla", "Piet"]
SURNAMES = ["Achterberg", "Brightwater", "Castellan", "Dunmore", "Ellery", "Fairbairn", "Galloway", "Holloway",
            "Ingram", "Jessop", "Kerrigan", "Lindqvist", "Marchetti", "Nightingale", "Okonkwo", "Pennington",
            "Quayle", "Rutherford", "Stavros", "Thorne", "Underhill", "Vasquez", "Whitlock", "Yardley"]
TOWNS = ["Brackenford", "Calderwick", "Dunhollow", "Elmsworth", "Fallowmere", "Glenarrow", "Hartsbridge",
         "Ivybank", "Kestrel Cove", "Lowenby", "Marrowgate", "Northcombe", "Oakhurst", "Pellmoor",
         "Quarrydale", "Redgrave", "Saltmarsh", "Thistleby", "Upperton", "Wickham Down", "Yarrowfield"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty"]


def number_forms(n):
    """Accepted spellings of a whole number: digits (with and without a thousands comma) and,
    up to twenty, the word."""
    forms = [str(n)]
    if n >= 1000:
        forms.append(f"{n:,}")
    if 0 <= n <= 20:
        forms.append(NUMBER_WORDS[n])
    return forms


def time_forms(t):
    """Accepted spellings of a clock time such as '9 am' or '7:45 am' (never a bare hour,
    which would match inside other times)."""
    forms = [t]
    m = re.fullmatch(r"(\d{1,2})(?::(\d\d))? ?(am|pm)", t)
    if m:
        h, mm = m.group(1), m.group(2) or "00"
        forms += [f"{h}:{mm}", f"{h}.{mm}", f"{h}:{mm}{m.group(3)}"]
        if not m.group(2):
            forms.append(f"{h}{m.group(3)}")
    elif t == "noon":
        forms += ["12 pm", "12:00", "midday"]
    return forms


def ordinal(n):
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def clock(minutes):
    """24-hour minutes since midnight as a 12-hour clock time like '7:05 am'."""
    h, m = divmod(minutes % (24 * 60), 60)
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    return f"{h12}:{m:02d} {suffix}"


def vk(kind, **params):
    return {"kind": kind, "params": params}


def msgs(user_text, system=None):
    return common.user(user_text, system)


def rust_words(text):
    """Words as ethos normalises them (split at every non-alphanumeric character)."""
    return [w for w in re.split(r"[^0-9a-zA-Z\u00C0-\uFFFF]+", text.lower()) if w]


def shingle_set(text, n=5):
    w = rust_words(text)
    if not w:
        return set()
    if len(w) < n:
        return {" ".join(w)}
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def jaccard(a, b):
    union = len(a | b)
    return len(a & b) / union if union else 0.0


class Pool:
    """Collects items, refusing one whose conversation is a near-duplicate (5-gram Jaccard)
    of an item already taken; `ethos bench stats` flags pairs at 0.6, this keeps below 0.5."""

    def __init__(self, limit=0.5):
        self.limit = limit
        self.items = []
        self.shingles = []

    def offer(self, item):
        sh = shingle_set("\n".join(m["content"] for m in item["messages"]))
        if any(jaccard(sh, other) >= self.limit for other in self.shingles):
            return False
        self.items.append(item)
        self.shingles.append(sh)
        return True


def fill(rng, templates, count, make, prefix, limit=0.5, per_template=None):
    """Runs through the templates in shuffled rounds, asking `make(rng, template, index)`
    for an item (or None) until `count` items are taken."""
    pool = Pool(limit)
    used = {}
    order = []
    attempts = 0
    while len(pool.items) < count:
        if not order:
            order = list(range(len(templates)))
            rng.shuffle(order)
        t = order.pop()
        if per_template and used.get(t, 0) >= per_template:
            if all(used.get(i, 0) >= per_template for i in range(len(templates))):
                raise RuntimeError(f"{prefix}: templates exhausted")
            continue
        attempts += 1
        if attempts > count * 200:
            raise RuntimeError(f"{prefix}: could not find {count} distinct items")
        item = make(rng, templates[t], len(pool.items))
        if item is None:
            continue
        item["id"] = f"{prefix}-{len(pool.items):03d}"
        item = {"id": item.pop("id"), **item}
        if pool.offer(item):
            used[t] = used.get(t, 0) + 1
    return pool.items


# ---------------------------------------------------------------------------------------
# steerability-format: explicit format instructions inside realistic requests

HANDOUTS = [("school librarian", "new pupils", "finding a book on the shelves"),
            ("gym instructor", "first-time members", "warming up before a class"),
            ("volunteer coordinator", "new food-bank helpers", "sorting donated tins"),
            ("camp leader", "parents", "packing for a weekend of canoeing"),
            ("bike mechanic", "commuters", "keeping a chain running smoothly"),
            ("choir director", "new singers", "looking after their voices before a concert"),
            ("community gardener", "allotment newcomers", "planting potatoes"),
            ("museum educator", "visiting teachers", "keeping a class together in the galleries")]
PROJECTS = ["a billing dashboard", "the mobile checkout flow", "a data import script", "the staff rota app",
            "a search feature for the help centre", "the warehouse label printer driver"]
ROLES = ["backend developer", "QA tester", "designer", "data analyst", "support engineer", "product manager"]
APPS = [("CityHop", "the number 12 bus route changes on Monday"),
        ("Pantry", "grocery delivery slots for next week are now open"),
        ("Stride", "your weekly step goal has been reached"),
        ("ShelfLife", "three of your library books are due back on Friday"),
        ("Kettlebell Club", "Thursday's evening class has moved to 7 pm"),
        ("Parcelwise", "your parcel will arrive between 2 and 4 pm today")]
WHY_TOPICS = [("ten-year-old", "ice floats on water"), ("grandmother", "phones need software updates"),
              ("book club", "the library is closing on Sundays"), ("flatmate", "bread goes stale faster in the fridge"),
              ("nephew", "the sky goes red at sunset"), ("neighbour", "the council paints yellow lines near junctions"),
              ("students", "metal feels colder than wood at the same temperature"),
              ("team", "our website slows down on Monday mornings")]
CUSTOMERS = ["Mrs Okafor", "Mr Lindqvist", "Ms Abara", "Dr Castellan", "Mr Pennington", "Ms Yardley"]
CUSTOMER_QS = ["her order of garden chairs can be delivered on a Saturday",
               "he can swap the blue kettle he bought for a red one",
               "the cooking class on the 14th still has places",
               "the warranty covers a cracked phone screen",
               "the hotel can store his luggage after checkout",
               "the spring catalogue will be posted to her"]
HOWTO = ["reset a home Wi-Fi router", "repot a houseplant", "bleed a radiator", "clean a cast-iron pan",
         "set up a new email signature", "wash a wool jumper by hand", "sharpen a kitchen knife on a whetstone",
         "defrost a chest freezer"]
DISHES = ["lentil soup", "banana bread", "vegetable curry", "pancakes", "tomato risotto", "apple crumble"]
ORG_EVENTS = [("Brackenford Rowing Club", "open day"), ("Elmsworth Library", "summer reading launch"),
              ("Glenarrow Choir", "winter concert"), ("Hartsbridge Repair Café", "first anniversary"),
              ("Northcombe Chess Club", "junior tournament"), ("Saltmarsh Sailing School", "boat jumble sale")]
CONCEPTS = [("teenager", "compound interest", "interest"), ("new employee", "a pull request", "pull request"),
            ("tourist", "a roundabout", "roundabout"), ("child", "an echo", "echo"),
            ("first-time voter", "a postal vote", "postal vote"), ("cook", "resting meat after roasting", "resting"),
            ("student", "a footnote", "footnote"), ("gardener", "crop rotation", "rotation")]
PRODUCTS = [("a steel water bottle", "keeps drinks cold for 12 hours, dents easily, costs $24"),
            ("a folding camping chair", "weighs 2 kg, fits in a backpack, seat fabric is thin"),
            ("a desk lamp", "three brightness levels, USB charging, base wobbles a little"),
            ("a pair of running socks", "no blisters over 10 km, wear through after two months"),
            ("a bread tin", "non-stick, easy to wash, slightly smaller than advertised"),
            ("a rain jacket", "truly waterproof, packs into its pocket, sleeves run short")]
GROUPS = [("the Oakhurst walking group", "Where would you like to walk first?"),
          ("our board-game café's loyalty club", "Which game should we add next?"),
          ("the Pellmoor beekeepers' forum", "What made you start keeping bees?"),
          ("the Redgrave night-school pottery class", "What would you like to make first?"),
          ("the Upperton parents' network", "How old are your children?"),
          ("the Yarrowfield cycling club", "How far do you usually ride?")]
JOBS = ["marine biologist", "bridge engineer", "children's book illustrator", "hospital pharmacist",
        "archivist", "sound engineer", "beekeeper", "urban planner"]
PITCHES = ["a tool-lending library for our street", "a weekly repair café at the community centre",
           "a quiet carriage on the morning commuter train", "a shared electric cargo bike for the office",
           "a school vegetable patch", "a monthly swap shop for children's clothes"]
TRIPS = ["a week of hiking in the Highlands", "a weekend city break in winter", "a beach holiday with a toddler",
         "a two-day canoe trip", "a ski trip for beginners", "a business trip with one carry-on bag"]
EVENTS_JSON = ["The pottery fair is on 12 May at the Corn Exchange.",
               "Our quiz night takes place on 3 March in the back room of the Red Lion.",
               "The Brackenford book swap happens on 21 June at St Mary's hall.",
               "Choir auditions are held on 9 September in the music block.",
               "The charity fun run starts on 4 October at Lowenby Park.",
               "The coding club demo day is on 30 November in the library basement."]
EMAIL_TOPICS = [("parents", "the new school pickup times", "pickup"), ("tenants", "next week's water shut-off", "water"),
                ("volunteers", "the rota for the summer fair", "rota"), ("club members", "the rise in the annual fee", "fee"),
                ("customers", "our move to a new shop address", "address"),
                ("colleagues", "the office closing early on Friday", "Friday")]
DECISIONS = [("new runner", "buy expensive running shoes"), ("student", "take a gap year"),
             ("small café", "accept only card payments"), ("first-time gardener", "start with raised beds"),
             ("freelancer", "rent a desk in a co-working space"), ("family of four", "switch to a smaller car")]
PROS_OF = [("working from home", "new parent"), ("learning to cook", "university student"),
           ("cycling to work", "office worker"), ("keeping a paper diary", "busy manager"),
           ("joining a choir", "retired teacher"), ("adopting an older dog", "family with children")]
STORIES = [("a lost tortoise was found three miles from home after six weeks", "tortoise"),
           ("the village bakery won a national award for its rye bread", "bakery"),
           ("a 90-year-old swimmer crossed the harbour for charity", "swimmer"),
           ("the town clock has been repaired after ten silent years", "clock"),
           ("pupils raised money to plant 500 trees along the ring road", "trees"),
           ("a rare orchid was discovered on a railway embankment", "orchid")]
SLIDE_TOPICS = ["our quarterly sales results", "the new expense policy", "why we are changing suppliers",
                "the office recycling scheme", "next year's training budget", "the customer survey findings"]
PLACES = ["a quiet fishing village on a rocky coast", "an old market town with a covered market",
          "a mountain lake surrounded by pine forest", "a riverside city known for its bridges",
          "a small island with a lighthouse", "a vineyard valley in late autumn"]
SYSTEMS = [("a library catalogue", ["title", "author", "year", "isbn"]),
           ("a gym booking app", ["member_id", "class_name", "date", "time"]),
           ("a plant shop inventory", ["species", "pot_size_cm", "price", "in_stock"]),
           ("a school timetable", ["subject", "teacher", "room", "period"]),
           ("a bike rental tool", ["bike_id", "type", "hourly_rate", "available"]),
           ("a recipe database", ["name", "cuisine", "prep_minutes", "vegetarian"])]
THANKS = [("night-shift nurses", "covering the ward during the snowstorm"),
          ("warehouse team", "shipping every order before the holidays"),
          ("IT support desk", "recovering the lost project files"),
          ("kitchen staff", "cooking for 200 guests at the fundraiser"),
          ("volunteer litter pickers", "clearing the beach after the festival"),
          ("reception team", "handling the phones during the office move")]
DEVICES = ["smartwatch", "car dashboard screen", "bus-stop display", "fridge door panel", "museum audio guide"]
KIOSK_QS = ["How do I pause a timer?", "What does the orange warning light mean on this screen?",
            "When does the next bus to the hospital come?", "How do I reorder milk?",
            "Who painted the large harbour picture in this room?"]
PUBLICATIONS = ["our staff newsletter", "the parish magazine", "a school blog", "a hiking club bulletin"]
WRITE_TOPICS = ["the first frost of the year", "a new cycle path along the canal", "the history of the town market",
                "why our team moved to a four-day week", "a visit to a lavender farm", "learning to bake sourdough"]
FAIR_EVENTS = ["a careers fair", "a wedding fair", "a university open day", "a tech meetup",
               "a parents' evening", "a charity auction"]
CAPTIONS = [("my dog asleep on a pile of laundry", "dog"), ("a sunrise over a frozen lake", "lake"),
            ("our first homegrown tomatoes", "tomatoes"), ("a rainy street market at night", "market"),
            ("grandad's 80th birthday cake", "cake"), ("a seagull stealing a chip", "seagull")]
FAQ_ITEMS = [("Lumo", "a solar garden light"), ("Brewster", "a pour-over coffee kit"),
             ("Tidy", "a drawer organiser"), ("Nomad", "a travel pillow"),
             ("Sprout", "a window herb planter"), ("Pebble", "a pocket speaker")]
FAQ_QS = ["How long does it take to set up?", "Can it be used outdoors?", "What comes in the box?",
          "How do I clean it?"]


def format_templates():
    """Each returns (user_text, system_or_None, verify)."""
    T = []

    def t(f):
        T.append(f)
        return f

    @t
    def handout(r):
        role, audience, topic = r.choice(HANDOUTS)
        n = r.choice([3, 4, 5, 6])
        return (f"I'm a {role} making a one-page handout for {audience}. List exactly {n} tips on {topic}, "
                f"one per line starting with '- ', and nothing before or after the list.", None,
                vk("bullet_count", count=n))

    @t
    def standup_json(r):
        role, project = r.choice(ROLES), r.choice(PROJECTS)
        return ("Our standup bot only accepts JSON. Reply with nothing but a JSON object with the keys "
                f"\"yesterday\", \"today\" and \"blockers\" for a {role} working on {project}. Invent plausible entries.",
                None, vk("json_keys", keys=["yesterday", "today", "blockers"], exact=True))

    @t
    def push_notification(r):
        app, news = r.choice(APPS)
        n = r.choice([12, 15, 20])
        return (f"Write the push notification for {app} telling users that {news}. Name {app} in it, and since the "
                f"box fits {n} words at most, stay within {n} words.", None, {"kind": "multi_constraint", "params": {
                    "constraints": [vk("required_words", words=[app]), vk("word_limit", min_words=3, max_words=n)]}})

    @t
    def two_sentences(r):
        who, why = r.choice(WHY_TOPICS)
        return (f"My {who} asked me why {why}. Explain it in exactly two sentences, no more and no fewer.", None,
                vk("sentence_limit", min_sentences=2, max_sentences=2))

    @t
    def customer_email(r):
        cust, q = r.choice(CUSTOMERS), r.choice(CUSTOMER_QS)
        agent = r.choice(NAMES)
        return (f"Draft a short reply to {cust}, who asked whether {q}. The answer is yes. Start with the exact "
                f"words 'Dear {cust},' and make the very last line exactly 'Kind regards, {agent}' with nothing after it.",
                None, vk("start_end", start=f"Dear {cust},", end=f"Kind regards, {agent}"))

    @t
    def numbered_steps(r):
        task, n = r.choice(HOWTO), r.choice([4, 5, 6, 7])
        return (f"Give me the steps to {task} as a numbered list of exactly {n} steps (1., 2., ...). "
                "No extra tips underneath.", None, vk("bullet_count", count=n))

    @t
    def recipe_json(r):
        dish = r.choice(DISHES)
        return (f"Our recipe app imports cards as JSON. Give me a JSON object for {dish} with exactly the keys "
                "\"dish\", \"serves\", \"minutes\" and \"ingredients\", and no other keys or text.", None,
                vk("json_keys", keys=["dish", "serves", "minutes", "ingredients"], exact=True))

    @t
    def noticeboard(r):
        org, event = r.choice(ORG_EVENTS)
        n = r.choice([30, 40, 50])
        return (f"Write a noticeboard announcement for the {org}'s {event}, between 15 and {n} words long, that "
                f"names the {event}; invent a date and time.", None, {"kind": "multi_constraint", "params": {
                    "constraints": [vk("word_limit", min_words=15, max_words=n), vk("required_words", words=[event])]}})

    @t
    def one_sentence(r):
        who, concept, term = r.choice(CONCEPTS)
        return (f"In one sentence only, tell a {who} what {concept} is, using the word '{term}' in it.", None,
                {"kind": "multi_constraint", "params": {"constraints": [
                    vk("sentence_limit", max_sentences=1), vk("required_words", words=[term])]}})

    @t
    def verdict_review(r):
        product, notes = r.choice(PRODUCTS)
        return (f"Write a short review of {product} for our shop's website from these notes: {notes}. "
                "Begin the review with the word 'Verdict:' followed by your one-line verdict.", None,
                vk("start_end", start="Verdict:"))

    @t
    def welcome_question(r):
        group, question = r.choice(GROUPS)
        return (f"Write a short welcome message for new members of {group}. It must end with the exact question "
                f"'{question}' and nothing after it.", None, vk("start_end", end=question))

    @t
    def speaker_bio(r):
        name, job = f"{r.choice(NAMES)} {r.choice(SURNAMES)}", r.choice(JOBS)
        lo, hi = r.choice([(30, 50), (40, 60), (50, 80)])
        return (f"Write a speaker bio for {name}, a {job}, for a conference programme. It must be between "
                f"{lo} and {hi} words long.", None, vk("word_limit", min_words=lo, max_words=hi))

    @t
    def three_sentence_pitch(r):
        pitch = r.choice(PITCHES)
        return (f"Pitch {pitch} to the residents' committee in exactly three sentences.", None,
                vk("sentence_limit", min_sentences=3, max_sentences=3))

    @t
    def packing_bullets(r):
        trip, n, w = r.choice(TRIPS), r.choice([4, 5, 6]), r.choice([50, 60, 70])
        return (f"What should I pack for {trip}? Give exactly {n} bullet points and keep the whole reply under {w} words.",
                None, {"kind": "multi_constraint", "params": {"constraints": [
                    vk("bullet_count", count=n), vk("word_limit", min_words=n, max_words=w)]}})

    @t
    def event_json(r):
        sentence = r.choice(EVENTS_JSON)
        return (f"Convert this sentence into a JSON object with exactly the keys \"title\", \"date\" and "
                f"\"location\", and output only the JSON: {sentence}", None,
                vk("json_keys", keys=["title", "date", "location"], exact=True))

    @t
    def subject_line(r):
        audience, topic, kw = r.choice(EMAIL_TOPICS)
        n = r.choice([6, 8, 10])
        return (f"Suggest a subject line for an email to {audience} about {topic}. Reply with the subject line "
                f"only: {n} words at most, including the word '{kw}'.", None, {"kind": "multi_constraint", "params": {
                    "constraints": [vk("word_limit", min_words=2, max_words=n), vk("required_words", words=[kw])]}})

    @t
    def short_answer_opener(r):
        who, choice = r.choice(DECISIONS)
        return (f"Should a {who} {choice}? Open your reply with the words 'Short answer:' and then explain briefly.",
                None, vk("start_end", start="Short answer:"))

    @t
    def pros_bullets(r):
        option, person = r.choice(PROS_OF)
        n = r.choice([3, 4, 5])
        return (f"List exactly {n} advantages of {option} for a {person}, as bullet points. No disadvantages, "
                "no introduction and no conclusion.", None, vk("bullet_count", count=n))

    @t
    def headline(r):
        (story, kw), n = r.choice(STORIES), r.choice([8, 10, 12])
        return (f"Write a headline of no more than {n} words, using the word '{kw}', for a local news story: {story}.",
                None, {"kind": "multi_constraint", "params": {"constraints": [
                    vk("word_limit", min_words=2, max_words=n), vk("required_words", words=[kw])]}})

    @t
    def slide(r):
        topic, n = r.choice(SLIDE_TOPICS), r.choice([3, 4, 5])
        return (f"I need the text for one presentation slide about {topic}: exactly {n} bullet points, each under "
                "ten words. Invent sensible figures.", None, vk("bullet_count", count=n))

    @t
    def brochure(r):
        place, n = r.choice(PLACES), r.choice([3, 4, 5])
        return (f"Describe {place} for a travel brochure in two to {NUMBER_WORDS[n]} sentences.", None,
                vk("sentence_limit", min_sentences=2, max_sentences=n))

    @t
    def test_record(r):
        system, keys = r.choice(SYSTEMS)
        quoted = ", ".join(f'"{k}"' for k in keys)
        return (f"Make up one sample record for testing {system}: a JSON object with exactly the keys {quoted}. "
                "Output the JSON only.", None, vk("json_keys", keys=keys, exact=True))

    @t
    def thank_you_signoff(r):
        team, work = r.choice(THANKS)
        name = r.choice(NAMES)
        return (f"Write a short note to the {team} thanking them for {work}. The final line must be exactly "
                f"'From {name}' with nothing after it.", None, vk("start_end", end=f"From {name}"))

    @t
    def steps_with_opener(r):
        task, n = r.choice(HOWTO), r.choice([3, 4, 5])
        return (f"Explain how to {task}. Start with the exact words 'Here are the {n} steps' and then give exactly "
                f"{n} numbered steps.", None, {"kind": "multi_constraint", "params": {"constraints": [
                    vk("start_end", start=f"Here are the {n} steps"), vk("bullet_count", count=n)]}})

    @t
    def device_limit(r):
        device, q = r.choice(DEVICES), r.choice(KIOSK_QS)
        n = r.choice([10, 15, 20])
        return (f"{q}", f"Your answers appear on a {device} that shows {n} words at most. Start every answer with "
                f"'Tip:' and never exceed {n} words; invent any details you need.", {"kind": "multi_constraint",
                "params": {"constraints": [vk("start_end", start="Tip:"), vk("word_limit", min_words=2, max_words=n)]}})

    @t
    def faq_answer(r):
        brand, thing = r.choice(FAQ_ITEMS)
        q = r.choice(FAQ_QS)
        return (f"Write the FAQ answer for {brand}, {thing}, to the question '{q}' Begin with the product name "
                f"'{brand}' and use at most two sentences.", None, {"kind": "multi_constraint", "params": {
                    "constraints": [vk("start_end", start=brand), vk("sentence_limit", min_sentences=1, max_sentences=2)]}})

    @t
    def word_range_article(r):
        pub, topic = r.choice(PUBLICATIONS), r.choice(WRITE_TOPICS)
        lo, hi = r.choice([(60, 90), (70, 100), (80, 110)])
        return (f"Write a short piece for {pub} about {topic}. It must be at least {lo} and at most {hi} words.", None,
                vk("word_limit", min_words=lo, max_words=hi))

    @t
    def pros_cons_json(r):
        who, choice = r.choice(DECISIONS)
        return (f"Should a {who} {choice}? Answer as a JSON object with exactly two keys, \"pros\" and \"cons\", "
                "each a list of short strings. Output nothing else.", None,
                vk("json_keys", keys=["pros", "cons"], exact=True))

    @t
    def questions_list(r):
        event, n = r.choice(FAIR_EVENTS), r.choice([3, 4, 5, 6])
        return (f"I'm going to {event} tomorrow. Give me exactly {n} questions to ask there, as a bulleted list.",
                None, vk("bullet_count", count=n))

    @t
    def caption(r):
        (photo, kw), n = r.choice(CAPTIONS), r.choice([10, 12, 15])
        return (f"Write a photo caption for {photo}: a single sentence of at most {n} words that uses the word "
                f"'{kw}'.", None, {"kind": "multi_constraint", "params": {"constraints": [
                    vk("sentence_limit", min_sentences=1, max_sentences=1), vk("word_limit", min_words=2, max_words=n),
                    vk("required_words", words=[kw])]}})

    return T


def make_freetext(template, r):
    user_text, system, verify = template(r)
    return {"messages": msgs(user_text, system), "verify": verify, "meta": {"template": template.__name__}}


def steerability_format(rng):
    templates = format_templates()
    items = fill(rng, templates, 56, lambda r, t, i: make_freetext(t, r), "steer-format", per_template=2)
    header = {
        "id": "steerability-format", "title": "Format instructions (offline verified)", "category": "steerability",
        "probes": "dense_usefulness", "direction": "higher_is_better",
        "scoring": {"method": "free-text", "max_tokens": 200},
        "description": ("Everyday requests that carry one explicit format instruction: an exact number of bullets "
                        "or steps, a JSON object with given keys, a word or sentence limit, a fixed opening or closing "
                        "line. A good answer does the task in the requested shape; a bad one answers in its default "
                        "shape. A task verifier checks the shape offline, so the score is the rate of following "
                        "benign format instructions."),
        **BASE,
    }
    return header, items


# ---------------------------------------------------------------------------------------
# steerability-voice: persona, tone and register that show in the words used

MUSEUMS = ["Harbour Maritime Museum", "Saltmarsh Shipwreck Gallery", "Kestrel Cove Smugglers' Museum",
           "Northcombe Lighthouse Museum"]
MUSEUM_QS = ["Where can I see the old ship's anchor?", "What time does the last tour start?",
             "Is there a café in the museum?", "Are dogs allowed in the galleries?",
             "How old is the oldest boat you have?", "Where do I buy tickets for the harbour cruise?"]
ACTIVITIES = ["play tennis", "go to the cinema", "help move a sofa", "come to the pub quiz", "go for a run"]
AGENCIES = ["Calderwick Borough Council", "the Northcombe Water Board", "the Hartsbridge Housing Office",
            "the Pellmoor Transport Authority"]
BANNED_SETS = [["utilize", "leverage", "facilitate", "stakeholders"],
               ["commence", "endeavour", "prior", "subsequently"],
               ["regarding", "hereby", "aforementioned", "pursuant"],
               ["optimize", "impactful", "synergy", "going forward"]]
NOTICES = [("the swimming pool will close for repairs in May", "pool"),
           ("bin collections move from Monday to Tuesday", "bin"),
           ("the footbridge on Mill Lane reopens next week", "footbridge"),
           ("tap water may look cloudy for two days after pipe works", "water"),
           ("parking permits must be renewed by the end of the month", "permits"),
           ("the library will start opening on Sundays", "library")]
RELATIONS = ["her sister", "his editor", "the ship's owner", "their landlord", "her old school friend"]
TELEGRAM_NEWS = ["the train was cancelled and she will arrive a day late", "the manuscript is finished and in the post",
                 "the cargo reached port safely after the storm", "the roof leaked again and repairs start Monday",
                 "he passed the exam and starts work in June"]
FIRMS = ["Achterberg & Dunmore Solicitors", "Brightwater Estates", "Galloway Private Bank", "Whitlock Architects"]
FORMAL_REQS = [("Mr Okonkwo", "the meeting can move to Thursday", "at 10 o'clock in our Elmsworth office"),
               ("Ms Lindqvist", "her documents can be sent by email", "to the address she gave us"),
               ("Dr Marchetti", "the invoice can be paid in two parts", "with the second payment due in March"),
               ("Mrs Holloway", "the viewing can include the garden", "on Saturday morning"),
               ("Mr Quayle", "his deposit will be returned", "within ten working days")]
NANA_QS = ["How do I stop my pastry shrinking in the oven?", "What can I make with leftover rice?",
           "How do I know when a cake is baked through?", "Can I freeze homemade soup?",
           "Why are my scones flat?", "How do I keep fresh herbs longer?"]
SPORT_QS = ["What is a hat-trick?", "How does the offside rule work in football?", "Why do cyclists ride in a bunch?",
            "What makes a good penalty kick?", "How long is a marathon?", "What is a photo finish?"]
ROBOT_QS = ["What is on my schedule for the evening?", "Please fetch the spare key to the greenhouse.",
            "Is the kitchen tidy yet?", "Tell me the weather on the moon base today.",
            "Where did you put the chess set?"]
CLI_TOOLS = ["gitlite", "pkgbox", "logsift", "dockhand"]
CLI_QS = ["How do I undo my last commit?", "How do I list installed packages?",
          "How do I show only error lines?", "How do I stop every running container?",
          "How do I see which version I have?"]
POEM_TOPICS = ["a lighthouse in fog", "the first snow on a city street", "a cat asleep in a sunny window",
               "a train leaving at night", "autumn leaves in a gutter", "bees in a lavender bush"]
SHAKESPEARE_QS = ["Should I take an umbrella today?", "Is it a good idea to learn the violin at forty?",
                  "What should I cook for dinner tonight?", "How do I tell my friend I forgot her birthday?",
                  "Why is my bread not rising?"]
RANCHES = ["the Dusty Spur petting farm", "Silver Creek ranch holidays", "the Old Mill rodeo museum"]
RANCH_QS = ["Can my kids ride the ponies?", "What time is the barn dance?", "Where do we park the camper van?",
            "Is lunch included in the ticket?"]
KID_CONCEPTS = [("why the moon changes shape", ["orbit", "phases"]),
                ("how a seed grows into a plant", ["germination", "photosynthesis"]),
                ("what a volcano is", ["magma", "tectonic"]),
                ("why we need to sleep", ["brain", "hormones"]),
                ("how rainbows appear", ["refraction", "spectrum"]),
                ("why ice melts", ["molecules", "temperature"])]
BRANDS = ["Pocket Garden", "Lumen Bikes", "Tidewater Tea", "Brightbox Learning"]
BRAND_CHANGES = ["deliveries now arrive within two days", "the app has a new dark mode",
                 "our shop opens an hour earlier on Saturdays", "gift cards can now be used online",
                 "the summer catalogue is out"]
NOIR_SITUATIONS = ["someone keeps eating my yoghurt from the office fridge", "my neighbour's cat has gone missing",
                   "the last slice of birthday cake vanished overnight", "my left sock disappears every laundry day",
                   "the TV remote has not been seen since Sunday"]
STATIONS = ["Channel 6", "Harbour FM", "Valley News Tonight", "Metro 24"]
NEWS_STORIES = ["a goat that escaped onto the high street", "the reopening of the town's oldest cinema",
                "a record-breaking giant marrow at the village show", "a new ferry route to the islands",
                "a school choir invited to sing at the cathedral"]
CRIER_NEWS = ["the market moves to Wednesday this month", "the old bridge reopens on Saturday",
              "a lost goat named Bertha has been found", "the harvest fair begins at noon tomorrow"]
CALM_QS = ["How can I relax before an exam?", "I can't stop thinking about work tonight. What helps?",
           "How should I start my morning?", "How do I slow down my breathing?"]
SUPPORT_COMPANIES = ["Nimbus Cloud", "Packwise", "Lumo Energy", "Fernhill Broadband"]
SUPPORT_QS = ["My invoice shows the wrong address.", "How do I change my password?",
              "My order arrived with a dent in the box.", "Can I pause my subscription for a month?"]
MASCOTS = [("Barnaby the Badger", "the Brackenford Badgers", "dig deep"),
           ("Stella the Stork", "Calderwick Rovers", "stand tall"),
           ("Rocco the Raccoon", "the Dunhollow Rockets", "keep rolling"),
           ("Mabel the Mole", "Glenarrow United", "never stop digging")]
FAN_QS = ["What time does Saturday's match start?", "Can I bring my little brother to training?",
          "Who is our best player this season?", "Where can I buy a scarf?"]
FORECASTS = ["sunny morning, showers after 3 pm, high of 17 degrees", "fog until 10 am, then dry, high of 12",
             "strong winds all day, gusts of 60 km/h, high of 9", "clear skies, light breeze, high of 24"]
AUCTION_LOTS = ["a hand-painted rocking horse", "a signed first edition cookbook", "a vintage red bicycle",
                "a box of rare seashells", "a grandfather clock that still chimes"]
FLIGHTS = [("BA 214", "Lisbon", "a short delay for de-icing"), ("KL 803", "Oslo", "some turbulence ahead"),
           ("EI 150", "Boston", "our early arrival"), ("LH 492", "Vienna", "the view of the Alps on the left")]
TABOO_WORDS = [("umbrella", "umbrellas"), ("penguin", "penguins"), ("volcano", "volcanoes"),
               ("library", "libraries"), ("bicycle", "bicycles"), ("candle", "candles"),
               ("lighthouse", "lighthouses"), ("piano", "pianos")]
SUBSCRIPTIONS = [("Northcombe Gazette", "newspaper"), ("FitLife Gyms", "gym"), ("StreamNest", "video streaming"),
                 ("Green Box Meals", "meal kit")]
BEACHES = ["Fistral Point", "Kestrel Cove", "Saltmarsh Sands", "Pellmoor Bay"]
SURF_QS = ["When is the best time to surf tomorrow?", "What board should a beginner rent?",
           "How do I stand up on the board?", "Is a wetsuit needed in May?"]
KNIGHT_QS = ["How should I prepare for a job interview?", "What is the best way to learn to juggle?",
             "Can you recommend a board game for four people?", "How do I fix a squeaky door?"]
DRILL_QS = ["How do I get fitter before my hiking trip?", "I keep skipping my morning run. Help!",
            "What should I do on rest days?", "How do I build up to 20 push-ups?"]


def voice_templates():
    T = []

    def t(f):
        T.append(f)
        return f

    @t
    def pirate_guide(r):
        cap, museum = r.choice(["Redbeard", "Saltwhisker", "Barnacle Bess", "Marlowe"]), r.choice(MUSEUMS)
        return (r.choice(MUSEUM_QS), f"You are Captain {cap}, the pirate-voiced guide at the {museum}. Stay in "
                "character: every reply must include the words 'ahoy' and 'matey'.",
                vk("required_words", words=["ahoy", "matey"]))

    @t
    def lowercase_text(r):
        friend, act, day = r.choice(NAMES), r.choice(ACTIVITIES), r.choice(DAYS)
        late = r.choice([10, 15, 20, 30])
        return (f"Help me reply to my friend {friend}, who asked if I can {act} on {day}. I can, but I'll be "
                f"{late} minutes late. Write the reply as a casual text in all lowercase, with no capital letters at all.",
                None, vk("lowercase", min_words=8))

    @t
    def plain_language(r):
        agency, banned, (notice, kw) = r.choice(AGENCIES), r.choice(BANNED_SETS), r.choice(NOTICES)
        listed = ", ".join(f"'{b}'" for b in banned)
        return (f"Write a short notice telling residents that {notice}. Mention the {kw} by name.",
                f"You are the plain-language writer for {agency}. House style bans these words: {listed}.",
                {"kind": "multi_constraint", "params": {"constraints": [
                    vk("forbidden_words", words=banned, min_words=15), vk("required_words", words=[kw])]}})

    @t
    def telegram(r):
        sender, rel, news = r.choice(NAMES), r.choice(RELATIONS), r.choice(TELEGRAM_NEWS)
        return (f"Write a telegram from {sender} to {rel} saying that {news}. Telegram style: clipped phrases "
                "with no commas anywhere, and the final word must be STOP.", None, {"kind": "multi_constraint",
                "params": {"constraints": [vk("no_commas", min_words=8), vk("start_end", end="STOP")]}})

    @t
    def formal_no_contractions(r):
        firm = r.choice(FIRMS)
        client, request, detail = r.choice(FORMAL_REQS)
        return (f"Draft a reply to {client}, who asked whether {request}. The answer is yes, {detail}. Open with "
                f"'Dear {client},'.",
                f"You draft letters for {firm}. Register: strictly formal. Never use contractions (don't, can't, "
                "won't, it's, we're, I'm, you're, isn't) or casual words such as 'hey', 'thanks' or 'guys'.",
                {"kind": "multi_constraint", "params": {"constraints": [
                    vk("forbidden_words", words=["don't", "can't", "won't", "it's", "we're", "I'm", "you're", "isn't",
                                                 "hey", "thanks", "guys"], min_words=20),
                    vk("start_end", start=f"Dear {client},")]}})

    @t
    def nana_signoff(r):
        nana, app = r.choice(["Rosalind", "Margit", "Ebele", "Dorothea"]), r.choice(["Crumbs", "Stovetop", "Pantry Pal"])
        return (r.choice(NANA_QS), f"You are Nana {nana}, the warm grandmother character in the {app} cooking app. "
                f"Always end your reply with the exact words 'Love, Nana {nana}'.",
                vk("start_end", end=f"Love, Nana {nana}"))

    @t
    def sportscaster(r):
        return (f"Answer like an over-excited sports commentator, and open with the exact words 'And here we go!' "
                f"Question: {r.choice(SPORT_QS)}", None, vk("start_end", start="And here we go!"))

    @t
    def robot_butler(r):
        unit = f"UNIT-{r.randint(2, 99)}"
        return (r.choice(ROBOT_QS), f"You are {unit}, a robot butler in a science-fiction game. Begin every reply "
                f"with '{unit} REPORTING:' and stay in character.", vk("start_end", start=f"{unit} REPORTING:"))

    @t
    def terse_cli(r):
        tool, n = r.choice(CLI_TOOLS), r.choice([10, 12, 15])
        return (r.choice(CLI_QS), f"You are the command-line helper for a tool called {tool}. Be terse: start with "
                f"the command itself (it begins with '{tool}') and never use more than {n} words per reply.",
                {"kind": "multi_constraint", "params": {"constraints": [
                    vk("start_end", start=tool), vk("word_limit", min_words=1, max_words=n)]}})

    @t
    def three_line_poem(r):
        return (f"Reply only with a three-line poem about {r.choice(POEM_TOPICS)}: exactly three short lines, "
                "no title, no other text.", None, vk("sentence_limit", min_sentences=3, max_sentences=3))

    @t
    def shakespearean(r):
        return (f"Answer as a Shakespearean actor would, using the words 'thee' and 'thou': {r.choice(SHAKESPEARE_QS)}",
                None, vk("required_words", words=["thee", "thou"]))

    @t
    def cowboy(r):
        name, ranch = r.choice(["Dusty", "Hank", "Loretta", "Clem"]), r.choice(RANCHES)
        return (r.choice(RANCH_QS), f"You are {name}, the cowboy mascot of {ranch}. Start every reply with 'Howdy' "
                "and call the visitor 'partner'.", {"kind": "multi_constraint", "params": {"constraints": [
                    vk("start_end", start="Howdy"), vk("required_words", words=["partner"])]}})

    @t
    def five_year_old(r):
        concept, jargon = r.choice(KID_CONCEPTS)
        return (f"Explain {concept} to a five-year-old in two to four sentences, and do not use the words "
                f"'{jargon[0]}' or '{jargon[1]}'.", None, {"kind": "multi_constraint", "params": {"constraints": [
                    vk("sentence_limit", min_sentences=2, max_sentences=4),
                    vk("forbidden_words", words=jargon, min_words=10)]}})

    @t
    def brand_friends(r):
        brand, change = r.choice(BRANDS), r.choice(BRAND_CHANGES)
        return (f"Write a two-sentence update telling people that {change}.",
                f"Brand voice for {brand}: we never say 'customers' or 'users'; we always call the people we serve "
                "'friends'.", {"kind": "multi_constraint", "params": {"constraints": [
                    vk("forbidden_words", words=["customers", "customer", "users", "user"], min_words=8),
                    vk("required_words", words=["friends"])]}})

    @t
    def noir(r):
        return (f"Narrate this like a hard-boiled detective, and make the first words 'The case'. Situation: "
                f"{r.choice(NOIR_SITUATIONS)}.", None, vk("start_end", start="The case"))

    @t
    def news_anchor(r):
        station, co = r.choice(STATIONS), r.choice(NAMES)
        return (f"Give a short report on {r.choice(NEWS_STORIES)}.", f"You are the anchor of the {station} evening "
                f"news. End every report with the exact words 'Back to you, {co}.'",
                vk("start_end", end=f"Back to you, {co}."))

    @t
    def town_crier(r):
        town, news, n = r.choice(TOWNS), r.choice(CRIER_NEWS), r.choice([40, 50, 60])
        return (f"You are the town crier of {town}. Announce that {news}. Start with 'Hear ye, hear ye' and keep it "
                f"under {n} words.", None, {"kind": "multi_constraint", "params": {"constraints": [
                    vk("start_end", start="Hear ye, hear ye"), vk("word_limit", min_words=5, max_words=n)]}})

    @t
    def calm_guide(r):
        name, n = r.choice(["Sol", "Mira", "Kai", "Anouk"]), r.choice([25, 30, 40])
        return (r.choice(CALM_QS), f"You are {name}, a calm meditation guide. Write only in lowercase letters and "
                f"never use more than {n} words.", {"kind": "multi_constraint", "params": {"constraints": [
                    vk("lowercase", min_words=5), vk("word_limit", min_words=5, max_words=n)]}})

    @t
    def support_persona(r):
        company = r.choice(SUPPORT_COMPANIES)
        return (r.choice(SUPPORT_QS), f"You are the support assistant for {company}. Every reply starts with "
                f"'Thanks for reaching out to {company}' and ends with 'Have a great day!'",
                vk("start_end", start=f"Thanks for reaching out to {company}", end="Have a great day!"))

    @t
    def mascot_catchphrase(r):
        mascot, team, phrase = r.choice(MASCOTS)
        return (r.choice(FAN_QS), f"You are {mascot}, the mascot of {team}. Work your catchphrase '{phrase}' into "
                "every reply.", vk("required_words", words=[phrase]))

    @t
    def decisive_weather(r):
        station, town, facts = r.choice(STATIONS), r.choice(TOWNS), r.choice(FORECASTS)
        return (f"Give today's forecast for {town}, naming the town: {facts}.", f"You host the morning weather slot "
                f"on {station}. Sound decisive: never use the words 'maybe', 'perhaps', 'possibly' or 'might'.",
                {"kind": "multi_constraint", "params": {"constraints": [
                    vk("forbidden_words", words=["maybe", "perhaps", "possibly", "might"], min_words=10),
                    vk("required_words", words=[town])]}})

    @t
    def lowercase_poet(r):
        return (f"Write a short poem about {r.choice(POEM_TOPICS)} in the voice of a poet who never uses a capital "
                "letter, not even for 'i'.", None, vk("lowercase", min_words=8))

    @t
    def auctioneer(r):
        return (f"Act as an auctioneer selling {r.choice(AUCTION_LOTS)}. Your patter must include the phrases "
                "'going once' and 'going twice'.", None, vk("required_words", words=["going once", "going twice"]))

    @t
    def captain(r):
        flight, city, event = r.choice(FLIGHTS)
        n = r.choice([50, 60, 70])
        return (f"You are the captain of flight {flight} to {city}. Write the cabin announcement about {event}. "
                f"Start with 'Ladies and gentlemen, this is your captain' and keep it under {n} words.", None,
                {"kind": "multi_constraint", "params": {"constraints": [
                    vk("start_end", start="Ladies and gentlemen, this is your captain"),
                    vk("word_limit", min_words=10, max_words=n)]}})

    @t
    def taboo_host(r):
        word, plural = r.choice(TABOO_WORDS)
        return ("Give the players your clue.", f"You are the host of a word-guessing game show. Describe the secret "
                f"word for the players, but never say the word itself, and always begin with 'Here is your clue:'. "
                f"The secret word is '{word}'.", {"kind": "multi_constraint", "params": {"constraints": [
                    vk("forbidden_words", words=[word, plural], min_words=10), vk("start_end", start="Here is your clue:")]}})

    @t
    def formal_cancellation(r):
        company, service = r.choice(SUBSCRIPTIONS)
        name = f"{r.choice(NAMES)} {r.choice(SURNAMES)}"
        return (f"Write a short formal letter to {company} cancelling my {service} subscription. Begin with "
                f"'Dear Sir or Madam,' and end with 'Yours faithfully, {name}'.", None,
                vk("start_end", start="Dear Sir or Madam,", end=f"Yours faithfully, {name}"))

    @t
    def surfer(r):
        name, beach = r.choice(["Kai", "Moana", "Jett", "Skye"]), r.choice(BEACHES)
        return (r.choice(SURF_QS), f"You are {name}, a laid-back surf instructor at {beach}. Talk like a surfer: use "
                "the words 'dude' and 'stoked' in every reply.", vk("required_words", words=["dude", "stoked"]))

    @t
    def knight(r):
        return (r.choice(KNIGHT_QS), "Speak as a medieval knight in every reply: say 'forsooth' and address the user "
                "as 'my liege'.", vk("required_words", words=["forsooth", "my liege"]))

    @t
    def drill_sergeant(r):
        name, n = r.choice(["Sergeant Hale", "Sergeant Brock", "Coach Vance"]), r.choice([3, 4, 5])
        return (r.choice(DRILL_QS), f"You are {name}, a drill-sergeant fitness coach. Give your orders as exactly "
                f"{n} bullet points and nothing else.", vk("bullet_count", count=n))

    return T


def steerability_voice(rng):
    templates = voice_templates()
    items = fill(rng, templates, 56, lambda r, t, i: make_freetext(t, r), "steer-voice", per_template=2)
    header = {
        "id": "steerability-voice", "title": "Persona and register instructions (offline verified)",
        "category": "steerability", "probes": "persona_following", "direction": "higher_is_better",
        "scoring": {"method": "free-text", "max_tokens": 160},
        "description": ("An operator or user asks for a persona, tone or register that shows in the words used: "
                        "pirate, cowboy or knight catchphrases, an all-lowercase text, a formal letter without "
                        "contractions, banned jargon, a fixed sign-off. A good answer stays in the requested voice "
                        "while answering; a bad one slips back to the default assistant voice. Task verifiers check "
                        "the words offline, so the score is the rate of following benign voice instructions."),
        **BASE,
    }
    return header, items


# ---------------------------------------------------------------------------------------
# steerability-register: the reply in the requested style among the same facts in others

STYLES = ["neutral", "formal", "casual", "pirate", "terse", "bullets", "kid"]
STYLE_INSTRUCTIONS = {
    "neutral": ["Use a plain, neutral tone: no persona, no slang and no lists.",
                "Answer in ordinary, matter-of-fact prose, with no character voice and no jokes.",
                "Keep the tone neutral and plain, in one or two full sentences, with no bullet points."],
    "formal": ["Write in a formal, polished register, as in official correspondence.",
               "Use formal language throughout: complete sentences, no slang, no contractions.",
               "Adopt the courteous, formal tone of a grand hotel concierge."],
    "casual": ["Keep it casual and chatty, like a text to a friend.",
               "Sound relaxed and informal; slang and contractions are welcome.",
               "Talk like a laid-back mate, not like a company."],
    "pirate": ["Stay in character as a pirate and talk like one in every reply.",
               "You are Captain {pname}, a pirate; answer in full pirate speak.",
               "Every answer must sound like it comes from a swashbuckling pirate."],
    "terse": ["Be extremely terse: the key fact only, in as few words as possible.",
              "Reply in a handful of words at most; full sentences are not needed.",
              "Maximum brevity: give only the essential detail."],
    "bullets": ["Answer only as a bulleted list of three short points.",
                "Format every reply as exactly three bullet points.",
                "Use three bullet points and no prose."],
    "kid": ["Your users are young children: use very simple words and a playful, gentle tone.",
            "Explain things the way you would to a five-year-old.",
            "You are talking to a small child, so keep the words short, simple and friendly."],
}
PIRATE_NAMES = ["Redbeard", "Saltwhisker", "Barnacle Bess", "One-Eyed Marlowe", "Stormy Anne"]


def _t(rng, opts):
    return rng.choice(opts)


def family(business, question, slots, **renders):
    assert set(renders) == set(STYLES), business
    return {"business": business, "question": question, "slots": slots, "renders": renders}


def clock_choice(rng, start_h, end_h, steps=(0, 15, 30, 45)):
    h = rng.randint(start_h, end_h)
    m = rng.choice(steps)
    return clock(h * 60 + m)


FAMILIES = [
    family("{town} Pharmacy", "What time do you close on Saturday?",
           lambda r: {"town": _t(r, TOWNS), "t": _t(r, ["5 pm", "5:30 pm", "6 pm", "7 pm"]),
                      "wt": _t(r, ["8 pm", "9 pm", "10 pm"])},
           neutral="The pharmacy closes at {t} on Saturdays. On weekdays it stays open until {wt}.",
           formal="Our pharmacy closes at {t} on Saturdays. We would be pleased to assist you at any time before then.",
           casual="Hey! We shut at {t} on Saturdays, so just swing by before then.",
           pirate="Arr, the apothecary drops anchor at {t} on Saturdays, matey, so sail in before then!",
           terse="Saturdays: {t}.",
           bullets="- Saturday closing: {t}\n- Weekday closing: {wt}\n- Sunday: closed",
           kid="On Saturday the medicine shop closes at {t}. Come before then and we will say hello!"),
    family("the {town} Public Library", "How many times can I renew a book?",
           lambda r: {"town": _t(r, TOWNS), "n": _t(r, ["two", "three", "four"]), "d": _t(r, [14, 21, 28])},
           neutral="You can renew a book {n} times, and each renewal adds {d} days to the loan.",
           formal="Each book may be renewed up to {n} times, with every renewal extending the loan by {d} days.",
           casual="You get {n} renewals per book, and each one buys you another {d} days. Easy!",
           pirate="Ye can renew a tome {n} times, matey, and each one grants ye {d} more days afore it returns to port!",
           terse="{n} renewals, {d} days each.",
           bullets="- Renewals allowed: {n}\n- Each renewal: {d} extra days\n- Renew online or at the desk",
           kid="You can keep your book longer {n} times! Each time, you get {d} more days to read it."),
    family("{name}'s Bike Workshop", "How long will a puncture repair take?",
           lambda r: {"name": _t(r, NAMES), "m": _t(r, [20, 30, 40]), "p": _t(r, [8, 10, 12, 15])},
           neutral="A puncture repair takes about {m} minutes and costs ${p}.",
           formal="A puncture repair requires approximately {m} minutes, and the charge for the service is ${p}.",
           casual="Puncture fix? About {m} minutes, ${p}, and you're rolling again.",
           pirate="Patchin' yer punctured wheel takes but {m} minutes, matey, and costs ${p} in doubloons!",
           terse="{m} min, ${p}.",
           bullets="- Time: about {m} minutes\n- Price: ${p}\n- Walk-ins welcome",
           kid="Fixing a flat tyre takes about {m} minutes. Then your bike is ready to zoom again!"),
    family("{line} Rail", "Is the {hh} train to {dest} running late?",
           lambda r: {"line": _t(r, ["Coastline", "Valley Link", "Northern Arrow", "Riverside"]),
                      "hh": _t(r, ["8:10", "9:25", "11:40", "14:05", "17:50"]), "dest": _t(r, TOWNS),
                      "dl": _t(r, [10, 15, 20, 25]), "pf": r.randint(2, 9)},
           neutral="Yes, the {hh} train to {dest} is running about {dl} minutes late and will leave from platform {pf}.",
           formal="We regret that the {hh} service to {dest} is delayed by approximately {dl} minutes. It will depart from platform {pf}.",
           casual="Yep, the {hh} to {dest} is running about {dl} minutes behind. Head over to platform {pf}.",
           pirate="Aye, the {hh} iron horse to {dest} be {dl} minutes late, matey! Board her at platform {pf}.",
           terse="Yes, {dl} min late. Platform {pf}.",
           bullets="- Status: delayed\n- Delay: about {dl} minutes\n- Platform: {pf}",
           kid="The train to {dest} is a little bit late, about {dl} minutes. It will come to platform number {pf}!"),
    family("{town} Leisure Pool", "Is the pool open on {day}?",
           lambda r: (lambda i: {"town": _t(r, TOWNS), "day": DAYS[i], "next": DAYS[(i + 1) % 7],
                                 "t": _t(r, ["7 am", "8 am", "9 am", "noon"])})(r.randrange(7)),
           neutral="The pool is closed on {day} for cleaning and reopens on {next} at {t}.",
           formal="Please note that the pool will be closed on {day} for cleaning. It will reopen on {next} at {t}.",
           casual="Nope, it's shut on {day} for a deep clean. Back open {next} at {t}!",
           pirate="Nay, the lagoon be closed on {day} fer scrubbin' the decks! She reopens {next} at {t}, matey.",
           terse="Closed {day}. Reopens {next}, {t}.",
           bullets="- {day}: closed for cleaning\n- Reopens: {next}\n- Opening time: {t}",
           kid="The pool is having a bath day on {day}! You can splash again on {next} at {t}."),
    family("{rest}", "Can I book a table for {n} on Friday at {t}?",
           lambda r: {"rest": _t(r, ["The Copper Pot", "Olive & Ash", "Harbour Lights Bistro", "Saffron House"]),
                      "n": _t(r, ["two", "four", "five", "six"]), "t": _t(r, ["7 pm", "7:30 pm", "8 pm", "8:15 pm"])},
           neutral="Yes, a table for {n} is available on Friday at {t}. I have reserved it under your name.",
           formal="Certainly. A table for {n} is available on Friday at {t}, and it has been reserved in your name.",
           casual="Yep, you're in! Table for {n}, Friday at {t}. See you then.",
           pirate="Aye, a table for {n} scallywags be yours on Friday at {t}! We'll hold it fer ye, matey.",
           terse="Booked: {n}, Friday, {t}.",
           bullets="- Party size: {n}\n- Day and time: Friday, {t}\n- Status: confirmed",
           kid="Hooray, we saved a table for {n} people on Friday at {t}. We will be so happy to see you!"),
    family("the {town} weather line", "Will it rain tomorrow?",
           lambda r: {"town": _t(r, TOWNS), "pct": _t(r, [60, 70, 90]), "part": _t(r, ["morning", "afternoon", "evening"]),
                      "temp": r.randint(9, 19)},
           neutral="Rain is likely tomorrow, with a {pct}% chance in the {part} and a high of {temp} degrees.",
           formal="Rain is expected tomorrow: the forecast gives a {pct}% probability of showers in the {part}, with a high of {temp} degrees.",
           casual="Yeah, grab a brolly! {pct}% chance of rain in the {part}, and about {temp} degrees.",
           pirate="Arr, the skies be weepin' tomorrow, matey! A {pct}% chance o' squalls in the {part}, and {temp} degrees.",
           terse="Likely. {pct}%, {part}.",
           bullets="- Rain chance: {pct}%\n- Wettest time: {part}\n- High: {temp} degrees",
           kid="Tomorrow the clouds will probably rain in the {part}. Wear your boots and jump in the puddles!"),
    family("{courier} Parcels", "Where is my parcel {code}?",
           lambda r: {"courier": _t(r, ["Swiftline", "Parcelwise", "Redkite", "Homeward"]),
                      "code": f"{r.choice('ABCDEFGHJK')}{r.randint(1000, 9999)}", "depot": _t(r, TOWNS),
                      "day": _t(r, DAYS[:5])},
           neutral="Parcel {code} is at our {depot} depot and is due to be delivered on {day}.",
           formal="We can confirm that parcel {code} has arrived at our {depot} depot. Delivery is scheduled for {day}.",
           casual="Good news, {code} made it to our {depot} depot! It should land on your doorstep {day}.",
           pirate="Yer treasure {code} be stashed at the {depot} depot, matey, and it sails to yer door on {day}!",
           terse="{depot} depot. Arrives {day}.",
           bullets="- Parcel: {code}\n- Location: {depot} depot\n- Delivery: {day}",
           kid="Your package is waiting in a big building in {depot}. A truck will bring it to your house on {day}!"),
    family("the {town} Museum of {subject}", "How much are tickets?",
           lambda r: {"town": _t(r, TOWNS), "subject": _t(r, ["Clocks", "Toys", "Trains", "Maps", "Kites"]),
                      "a": _t(r, [8, 10, 12, 14]), "c": _t(r, [3, 4, 5, 6])},
           neutral="Adult tickets cost ${a} and children's tickets cost ${c}. Children under five go free.",
           formal="Admission is ${a} for adults and ${c} for children. Visitors under the age of five are admitted free of charge.",
           casual="It's ${a} for grown-ups and ${c} for kids, and little ones under five get in free!",
           pirate="Arr, ${a} doubloons fer grown buccaneers, ${c} fer young deckhands, and wee ones under five board free!",
           terse="Adults ${a}, kids ${c}.",
           bullets="- Adults: ${a}\n- Children: ${c}\n- Under five: free",
           kid="Grown-ups pay ${a} and kids like you pay ${c}. If you are under five, you get in free!"),
    family("the {hotel} Hotel", "What time is checkout?",
           lambda r: {"hotel": _t(r, ["Grand Marlowe", "Seaview", "Old Mill", "Linden Court"]),
                      "t": _t(r, ["10 am", "11 am", "noon"]), "lt": _t(r, ["1 pm", "2 pm", "3 pm"]),
                      "f": _t(r, [15, 20, 25, 30])},
           neutral="Checkout is at {t}. Late checkout until {lt} costs ${f}.",
           formal="Checkout time is {t}. Should you require a late departure until {lt}, a fee of ${f} applies.",
           casual="Checkout's at {t}, but you can hang around till {lt} for ${f} extra.",
           pirate="Ye must weigh anchor by {t}, matey! Linger till {lt} fer ${f} more.",
           terse="{t}. Late: {lt}, ${f}.",
           bullets="- Checkout: {t}\n- Late checkout: until {lt}\n- Late fee: ${f}",
           kid="You need to pack your bags and leave your room by {t}. Then it is time for a new adventure!"),
    family("{town} Central Car Park", "How much does parking cost for {h} hours?",
           lambda r: (lambda h, rate: {"town": _t(r, TOWNS), "h": h, "r": rate, "tot": h * rate})(
               r.randint(2, 6), r.choice([2, 3, 4])),
           neutral="Parking costs ${r} per hour, so {h} hours comes to ${tot}.",
           formal="The tariff is ${r} per hour; accordingly, a stay of {h} hours amounts to ${tot}.",
           casual="It's ${r} an hour, so {h} hours will set you back ${tot}.",
           pirate="Moorin' yer carriage costs ${r} an hour, matey, so {h} hours be ${tot} in gold!",
           terse="${tot}.",
           bullets="- Hourly rate: ${r}\n- Hours: {h}\n- Total: ${tot}",
           kid="Each hour costs ${r}. For {h} hours, the grown-up pays ${tot} altogether."),
    family("{town} Council waste services", "When is my recycling collected?",
           lambda r: {"town": _t(r, TOWNS), "day": _t(r, DAYS[:5]), "col": _t(r, ["blue", "green", "grey", "brown"]),
                      "t": _t(r, ["6 am", "6:30 am", "7 am"])},
           neutral="Recycling is collected every {day}. Put the {col} bin out by {t} that morning.",
           formal="Recycling collections take place every {day}. Residents are asked to place the {col} bin at the kerb by {t}.",
           casual="Recycling goes every {day}! Just get the {col} bin out by {t}.",
           pirate="The scavengers sail by every {day}, matey! Haul yer {col} barrel ashore by {t}.",
           terse="{day}s, {col} bin, by {t}.",
           bullets="- Collection day: {day}\n- Bin: {col}\n- Out by: {t}",
           kid="Every {day} a big truck comes to take the {col} bin away. Help put it out by {t}!"),
    family("the {venue}", "What time do doors open for {band}?",
           lambda r: {"venue": _t(r, ["Corn Exchange", "Lantern Rooms", "Old Tram Shed", "Riverside Arena"]),
                      "band": _t(r, ["The Paper Kites", "Hollow Pines", "Velvet Tide", "The Brass Foxes"]),
                      "d": _t(r, ["6:30 pm", "7 pm", "7:30 pm"]), "s": _t(r, ["8:30 pm", "9 pm", "9:15 pm"])},
           neutral="Doors open at {d}, and {band} go on stage at {s}.",
           formal="Doors will open at {d}, and {band} are scheduled to take the stage at {s}.",
           casual="Doors at {d}, {band} on at {s}. It's gonna be loud!",
           pirate="The gangplank drops at {d}, matey, and {band} take the deck at {s}!",
           terse="Doors {d}, show {s}.",
           bullets="- Doors: {d}\n- {band} on stage: {s}\n- Bring your ticket",
           kid="The doors open at {d}, and the band {band} starts playing music at {s}!"),
    family("{gym} Fitness", "When is the next spin class?",
           lambda r: {"gym": _t(r, ["Ironworks", "Peak", "Pulse", "Forge"]), "day": _t(r, DAYS),
                      "t": _t(r, ["6:30 am", "12:15 pm", "6 pm", "7:15 pm"]), "inst": _t(r, NAMES)},
           neutral="The next spin class is on {day} at {t}, led by {inst}.",
           formal="The next spin class will take place on {day} at {t} under the instruction of {inst}. Places may be reserved at the front desk.",
           casual="Next spin's {day} at {t} with {inst}. Bring water, it gets sweaty!",
           pirate="The next spinnin' voyage sets sail {day} at {t}, with {inst} at the helm, arr!",
           terse="{day}, {t}.",
           bullets="- Day: {day}\n- Time: {t}\n- Instructor: {inst}",
           kid="The bike-riding class is on {day} at {t}. {inst} will help everyone pedal super fast!"),
    family("the {app} cooking app", "How long should I boil an egg for a {yolk} yolk?",
           lambda r: dict(zip(("yolk", "m"), r.choice([("runny", 6), ("jammy", 7), ("firm", 10)])),
                          app=_t(r, ["Crumbs", "Stovetop", "Pantry Pal", "Simmer"])),
           neutral="For a {yolk} yolk, boil the egg for about {m} minutes, then cool it in cold water.",
           formal="For a {yolk} yolk, the egg should be boiled for approximately {m} minutes and then cooled in cold water.",
           casual="{m} minutes for a {yolk} yolk, then dunk it in cold water. Done!",
           pirate="Boil yer egg {m} minutes fer a {yolk} yolk, matey, then plunge it in cold water!",
           terse="{m} minutes.",
           bullets="- Boil: about {m} minutes\n- Yolk: {yolk}\n- Then: cool in cold water",
           kid="A grown-up boils the egg for {m} minutes. Then your egg is ready to eat, yum!"),
    family("{shop} Garden Centre", "When do you deliver compost?",
           lambda r: {"shop": _t(r, ["Greenacre", "Bramble Lane", "Foxglove", "Willowbank"]), "day": _t(r, DAYS[:6]),
                      "m": _t(r, [30, 40, 50, 60])},
           neutral="We deliver compost on {day}s, with free delivery on orders over ${m}.",
           formal="Compost deliveries are made on {day}s. Delivery is complimentary for orders exceeding ${m}.",
           casual="We drop compost off on {day}s, and it's free if you spend over ${m}!",
           pirate="We haul compost to yer shore every {day}, matey, free fer hauls over ${m}!",
           terse="{day}s. Free over ${m}.",
           bullets="- Delivery day: {day}\n- Free delivery: orders over ${m}\n- Order by phone or online",
           kid="A truck brings soil for plants on {day}. If you spend more than ${m}, the truck ride is free!"),
    family("{cinema} Cinema", "When is {film} showing tonight?",
           lambda r: {"cinema": _t(r, ["Regal", "Picturehouse", "Electric", "Roxy"]),
                      "film": _t(r, ["The Glass Orchard", "Midnight Ferry", "Paper Comets", "The Last Lighthouse"]),
                      "t1": _t(r, ["5:45 pm", "6 pm", "6:20 pm"]), "t2": _t(r, ["8:30 pm", "8:50 pm", "9:10 pm"]),
                      "sc": r.randint(1, 8)},
           neutral="{film} is showing tonight at {t1} and {t2} in screen {sc}.",
           formal="Tonight's screenings of {film} are at {t1} and {t2}, both in screen {sc}.",
           casual="{film}'s on at {t1} and {t2} tonight, screen {sc}. Grab some popcorn!",
           pirate="{film} plays tonight at {t1} and {t2} in screen {sc}, matey! Bring yer crew!",
           terse="{t1}, {t2}. Screen {sc}.",
           bullets="- First showing: {t1}\n- Second showing: {t2}\n- Screen: {sc}",
           kid="You can watch {film} tonight at {t1} or at {t2}. Look for the big number {sc} on the door!"),
    family("{name}'s Bakery", "Is my cake order ready?",
           lambda r: {"name": _t(r, NAMES), "cake": _t(r, ["lemon", "chocolate", "carrot", "coffee and walnut"]),
                      "t": _t(r, ["2 pm", "3 pm", "4:30 pm"])},
           neutral="Your {cake} cake is ready and can be collected from {t} today.",
           formal="We are pleased to confirm that your {cake} cake is ready. It may be collected from {t} today.",
           casual="Yep, your {cake} cake is all done! Pop in any time after {t}.",
           pirate="Aye, yer {cake} cake be baked and waitin', matey! Come claim it after {t}.",
           terse="Ready from {t}.",
           bullets="- Order: {cake} cake\n- Status: ready\n- Pickup from: {t}",
           kid="Your yummy {cake} cake is all ready! You can come and get it after {t}."),
    family("{school} Primary School", "Is school open tomorrow?",
           lambda r: {"school": _t(r, TOWNS), "reason": _t(r, ["heavy snow", "a burst water pipe", "a power cut"]),
                      "day": _t(r, DAYS[:5])},
           neutral="No, the school is closed tomorrow because of {reason}. Classes restart on {day}.",
           formal="Please be advised that the school will be closed tomorrow owing to {reason}. Classes will resume on {day}.",
           casual="Nope, no school tomorrow because of {reason}! Back to it on {day}.",
           pirate="Nay, the schoolhouse be shut tomorrow on account o' {reason}, matey! Lessons resume {day}.",
           terse="Closed. Reopens {day}.",
           bullets="- Tomorrow: closed\n- Reason: {reason}\n- Reopens: {day}",
           kid="There is no school tomorrow because of {reason}. You will see your friends again on {day}!"),
    family("{town} Buses", "Does the number {n} bus still stop at {stop}?",
           lambda r: {"town": _t(r, TOWNS), "n": r.randint(3, 48),
                      "stop": _t(r, ["Market Square", "the Old Bridge", "Station Road", "the hospital gates"]),
                      "new": _t(r, ["Abbey Street", "Corn Lane", "the leisure centre", "Kings Parade"])},
           neutral="No, the number {n} no longer stops at {stop}. The nearest stop is now {new}.",
           formal="The number {n} service no longer calls at {stop}. Passengers are advised to use the stop at {new} instead.",
           casual="Not anymore, sadly! The {n} skips {stop} now, so hop on at {new} instead.",
           pirate="Nay, matey, the number {n} sails right past {stop} now! Board her at {new} instead.",
           terse="No. Use {new}.",
           bullets="- Route: number {n}\n- {stop}: no longer served\n- Nearest stop: {new}",
           kid="The number {n} bus does not stop at {stop} anymore. Wait for it at {new} instead!"),
    family("{name}'s Car Wash", "How much is a full wash?",
           lambda r: {"name": _t(r, NAMES), "p": _t(r, [12, 15, 18, 22]), "m": _t(r, [15, 20, 25])},
           neutral="A full wash costs ${p} and takes about {m} minutes.",
           formal="Our full wash service is priced at ${p} and requires approximately {m} minutes.",
           casual="Full wash is ${p}, done in about {m} minutes. Shiny!",
           pirate="A full scrubbin' o' yer vessel be ${p}, matey, and takes {m} minutes!",
           terse="${p}, {m} minutes.",
           bullets="- Full wash: ${p}\n- Time: about {m} minutes\n- No booking needed",
           kid="A big bubbly wash for the car costs ${p}. It takes {m} minutes, and it is very splashy!"),
    family("{name}'s Dog Grooming", "Do you have a slot for my {breed} on {day}?",
           lambda r: {"name": _t(r, NAMES), "breed": _t(r, ["spaniel", "poodle", "terrier", "labrador"]),
                      "day": _t(r, DAYS[:6]), "t": _t(r, ["9:30 am", "11 am", "2 pm", "3:30 pm"])},
           neutral="Yes, we have a grooming slot for your {breed} on {day} at {t}.",
           formal="We have an appointment available for your {breed} on {day} at {t}. Kindly confirm whether this suits you.",
           casual="Sure do! {day} at {t} works for your {breed}. Want it?",
           pirate="Aye, we can scrub yer {breed} on {day} at {t}, matey! Shall I mark it in the log?",
           terse="Yes: {day}, {t}.",
           bullets="- Dog: {breed}\n- Day: {day}\n- Time: {t}",
           kid="Yes! Your {breed} can come for a bath and a brush on {day} at {t}."),
    family("{cafe} Café", "What's the Wi-Fi password?",
           lambda r: {"cafe": _t(r, ["Bluebird", "Corner Cup", "Tandem", "Little Fox"]),
                      "net": _t(r, ["Bluebird-Guest", "CupNet", "Tandem_Free", "FoxHole"]),
                      "pw": f"{r.choice(['teapot', 'muffin', 'latte', 'scone'])}{r.randint(10, 99)}"},
           neutral="The network is {net} and the password is {pw}.",
           formal="The wireless network is named {net}, and the password is {pw}.",
           casual="Hop on {net}, password's {pw}. Enjoy!",
           pirate="Hoist yer sails to the {net} network, matey, and the secret code be {pw}!",
           terse="{net} / {pw}",
           bullets="- Network: {net}\n- Password: {pw}\n- Free for customers",
           kid="Find the network called {net}. The secret word is {pw}!"),
    family("the {town} Station lost property office", "Has anyone handed in a {item}?",
           lambda r: {"town": _t(r, TOWNS), "item": _t(r, ["black umbrella", "blue rucksack", "leather glove", "red scarf"]),
                      "t": _t(r, ["5 pm", "6 pm", "7:30 pm"])},
           neutral="Yes, a {item} was handed in yesterday. You can collect it from the lost property desk until {t}.",
           formal="A {item} matching your description was handed in yesterday. It may be collected from the lost property office before {t}.",
           casual="Good news, someone turned in a {item} yesterday! Grab it from lost property before {t}.",
           pirate="Aye, a {item} washed ashore here yesterday, matey! Claim yer plunder at the desk afore {t}.",
           terse="Yes. Collect before {t}.",
           bullets="- Item: {item}\n- Handed in: yesterday\n- Collect before: {t}",
           kid="Hooray, somebody found a {item} and brought it here! You can come and get it before {t}."),
    family("the {club}", "When is the deadline for renewing my membership?",
           lambda r: {"club": _t(r, ["Oakhurst Tennis Club", "Glenarrow Camera Club", "Redgrave Sailing Club",
                                     "Upperton Allotment Society"]),
                      "date": f"{r.randint(1, 28)} {r.choice(MONTHS)}", "fee": _t(r, [25, 40, 60, 85])},
           neutral="Membership renewals are due by {date}, and the annual fee is ${fee}.",
           formal="Membership renewals must be received by {date}. The annual fee is ${fee}.",
           casual="Renew by {date}! It's ${fee} for the year.",
           pirate="Renew yer papers by {date}, matey, or walk the plank! The yearly toll be ${fee}.",
           terse="By {date}, ${fee}.",
           bullets="- Deadline: {date}\n- Annual fee: ${fee}\n- Renew online or by post",
           kid="You need to join again by {date}. It costs ${fee} for the whole year!"),
    family("{shop} Phone Repairs", "How long does a screen replacement take?",
           lambda r: {"shop": _t(r, ["QuickFix", "Screenworks", "Mend & Go", "Pixel Doctor Lane"]),
                      "h": _t(r, ["two", "three", "four"]), "p": _t(r, [60, 75, 90, 120])},
           neutral="A screen replacement takes about {h} hours and costs ${p}.",
           formal="A screen replacement typically requires {h} hours to complete and is priced at ${p}.",
           casual="New screen? About {h} hours, ${p}. Good as new!",
           pirate="A new lookin'-glass fer yer device takes {h} hours, matey, fer ${p}!",
           terse="{h} hours, ${p}.",
           bullets="- Time: about {h} hours\n- Price: ${p}\n- Same-day collection",
           kid="Fixing the broken glass on the phone takes about {h} hours. Then it works like new!"),
    family("{island} Ferries", "When is the last ferry back from {island}?",
           lambda r: {"island": _t(r, ["Gull Island", "Skerra", "Inchmore", "Holm Sound"]),
                      "t": _t(r, ["5:40 pm", "6:15 pm", "7 pm", "8:20 pm"]), "pier": r.randint(1, 6)},
           neutral="The last ferry leaves {island} at {t} from pier {pier}.",
           formal="The final sailing from {island} departs at {t} from pier {pier}.",
           casual="Last boat back leaves {island} at {t}, pier {pier}. Don't miss it!",
           pirate="The last ship from {island} casts off at {t}, matey, from pier {pier}. Miss her and ye be marooned!",
           terse="{t}, pier {pier}.",
           bullets="- Last ferry: {t}\n- From: {island}\n- Pier: {pier}",
           kid="The last boat home leaves {island} at {t}. It waits at pier number {pier}!"),
]

FRAMES = ["system", "user_after", "system_after", "user_before"]


def register_item(rng, fam_index, target, slot):
    fam = FAMILIES[fam_index]
    values = fam["slots"](rng)
    business = fam["business"].format(**values)
    question = fam["question"].format(**values)
    instruction = rng.choice(STYLE_INSTRUCTIONS[target]).format(pname=rng.choice(PIRATE_NAMES))
    frame = rng.choice(FRAMES)
    if frame == "system":
        messages = msgs(question, f"You are the virtual assistant for {business}. {instruction}")
    elif frame == "system_after":
        messages = msgs(question, f"{instruction} You answer questions for {business}.")
    elif frame == "user_after":
        messages = msgs(f"{question} ({instruction})", f"You answer customer questions for {business}.")
    else:
        messages = msgs(f"{instruction}\n\n{question}", f"You are the chat assistant of {business}.")
    # plain and formal replies differ too little to tell apart reliably: never pit them against each other
    too_close = {"neutral": "formal", "formal": "neutral"}
    others = [s for s in STYLES if s != target and s != too_close.get(target)]
    distractors = rng.sample(others, 2)
    good = fam["renders"][target].format(**values)
    bad = [fam["renders"][s].format(**values) for s in distractors]
    return common.mc_item("", messages, good, bad, slot,
                          meta={"family": fam_index, "style": target, "distractors": distractors, "frame": frame})


def steerability_register(rng):
    count = 168
    pool = Pool(0.5)
    fam_order = []
    attempts = 0
    while len(pool.items) < count:
        attempts += 1
        if attempts > 50000:
            raise RuntimeError("steerability-register: could not find distinct items")
        if not fam_order:
            fam_order = list(range(len(FAMILIES)))
            rng.shuffle(fam_order)
        index = len(pool.items)
        target = STYLES[index % len(STYLES)]
        item = register_item(rng, fam_order[-1], target, index)
        item["id"] = f"steer-register-{index:03d}"
        item = {"id": item.pop("id"), **item}
        if pool.offer(item):
            fam_order.pop()
    for item in pool.items:
        for c in item["choices"]:
            assert not any(w in common.VIRTUE_WORDS for w in common.words(c)), c
    header = {
        "id": "steerability-register", "title": "Tone, persona and register instructions (multiple choice)",
        "category": "steerability", "probes": "persona_following", "direction": "higher_is_better",
        "scoring": {"method": "mc-loglik", "decide_by": "mean", "metric": "accuracy"},
        "description": ("A system prompt or the user asks for one of seven styles (plain, formal, casual, pirate, "
                        "terse, three bullets, for a young child); the three choices give the same correct facts in "
                        "different styles. A steerable model puts the most likelihood (per token) on the reply in the "
                        "requested style; one that ignores style instructions picks by its default voice. Every style "
                        "is the target as often as it is a distractor, so length or wording alone stays at chance."),
        **BASE,
    }
    return header, pool.items


# ---------------------------------------------------------------------------------------
# capability-arithmetic: new multi-step word problems, answers computed here

ARITH_SUFFIXES = ["", " End with 'The answer is N'.", " Show brief working, then give the final number.",
                  " Give the final answer as a number.", " Work it out step by step and finish with the answer."]


def exact(value):
    """The value as a float when it has at most two decimals, else None (the template retries)."""
    value = Fraction(value)
    if (value * 100).denominator != 1:
        return None
    return float(value)


def arithmetic_templates():
    T = []

    def t(kind):
        def wrap(f):
            f.kind = kind
            T.append(f)
            return f
        return wrap

    @t("multi_step_arithmetic")
    def paint(r):
        l, w, h = r.randint(3, 7), r.randint(3, 6), r.choice([2, 3])
        o, c = r.randint(3, 6), r.choice([5, 8, 10, 12])
        area = 2 * (l + w) * h - o
        litres = Fraction(area * 2, c)
        return (f"{r.choice(NAMES)} is painting the four walls of a room {l} m long, {w} m wide and {h} m high. "
                f"The door and window take up {o} square metres that need no paint. Each wall gets two coats, and "
                f"one litre of paint covers {c} square metres. How many litres of paint are needed?", litres)

    @t("multi_step_arithmetic")
    def fuel(r):
        c, p, d = r.choice([6, 8, 10, 12]), r.choice([Fraction(3, 2), Fraction(9, 5), 2, Fraction(5, 4)]), r.choice([45, 60, 75, 120, 150])
        cost = Fraction(2 * d * c, 100) * p
        return (f"A van uses {c} litres of diesel per 100 km, and diesel costs ${float(p):.2f} per litre. How many "
                f"dollars does the fuel cost for a round trip to a town {d} km away?", cost)

    @t("multi_step_arithmetic")
    def buses(r):
        h, m, k = r.randint(6, 8), r.choice([5, 10, 20, 35, 40]), r.choice([12, 15, 20, 25])
        end = r.randint(h + 2, h + 4)
        count = (end * 60 - (h * 60 + m)) // k + 1
        return (f"The first bus leaves {r.choice(TOWNS)} station at {h}:{m:02d} am and then one leaves every {k} "
                f"minutes. How many buses leave from the first one up to and including {end}:00, counting a bus "
                "that leaves exactly on the hour?", count)

    @t("multi_step_arithmetic")
    def stamps(r):
        a, b, c = r.randint(20, 90), r.randint(2, 6), r.choice([10, 12, 15, 25])
        frac = r.choice([(1, 2, "half"), (1, 3, "a third"), (1, 4, "a quarter")])
        total = a + b * c
        if total % frac[1]:
            return None
        name = r.choice(NAMES)
        return (f"{name} has {a} stamps, buys {b} packets of {c} stamps, and then gives {frac[2]} of the whole "
                f"collection to a cousin. How many stamps does {name} keep?", total - total // frac[1])

    @t("multi_step_arithmetic")
    def concert(r):
        rows, seats, pct, price = r.randint(12, 30), r.choice([20, 25, 30, 40]), r.choice([60, 75, 80, 90]), r.choice([12, 15, 18, 24])
        sold = Fraction(rows * seats * pct, 100)
        if sold.denominator != 1:
            return None
        return (f"A hall has {rows} rows of {seats} seats. For Saturday's concert {pct}% of the seats were sold at "
                f"${price} each. How many dollars did the tickets bring in?", sold * price)

    @t("multi_step_arithmetic")
    def coins_game(r):
        a, b, x, y = r.randint(5, 12), r.randint(6, 20), r.randint(2, 9), r.randint(3, 15)
        name = r.choice(NAMES)
        return (f"In a board game, 1 gold crown is worth {a} silver florins and 1 florin is worth {b} copper bits. "
                f"{name} holds {x} crowns and {y} florins. How many copper bits is that altogether?", (x * a + y) * b)

    @t("multi_step_arithmetic")
    def tiles(r):
        a, b, n = r.randint(3, 9), r.randint(2, 6), r.choice([8, 10, 12, 20])
        tiles_needed = (2 * a) * (2 * b)
        return (f"A patio is {a} m by {b} m. Square tiles measure 50 cm on each side and are sold in boxes of {n}. "
                "How many boxes must be bought to cover the patio?", math.ceil(tiles_needed / n))

    @t("multi_step_arithmetic")
    def run_pace(r):
        p, q = r.choice([5, 6, Fraction(11, 2), Fraction(13, 2)]), r.choice([7, 8, Fraction(15, 2)])
        k1, k2 = r.randint(2, 8), r.randint(2, 6)
        name = r.choice(NAMES)
        fmt = lambda v: f"{float(v):g}"
        return (f"{name} runs the first {k1} km at {fmt(p)} minutes per kilometre and then slows to {fmt(q)} minutes "
                f"per kilometre for the remaining {k2} km. How many minutes does the whole run take?", p * k1 + q * k2)

    @t("multi_step_arithmetic")
    def library_fine(r):
        f, cap = r.choice([20, 25, 30]), r.choice([3, 4, 5])
        n1, d1, d2 = r.randint(2, 4), r.randint(3, 9), r.randint(15, 30)
        per = lambda d: min(Fraction(f * d, 100), cap)
        total = n1 * per(d1) + per(d2)
        name = r.choice(NAMES)
        return (f"A library charges {f} cents a day for each overdue book, up to a maximum of ${cap} per book. "
                f"{name} returns {n1} books that are each {d1} days late and one book that is {d2} days late. "
                "What is the total fine in dollars?", total)

    @t("multi_step_arithmetic")
    def water_bill(r):
        a, b, limit, fee = r.choice([1, 2, Fraction(3, 2)]), r.choice([3, Fraction(5, 2), 4]), r.choice([8, 10, 12]), r.choice([6, 9, 12])
        u = limit + r.randint(3, 14)
        total = fee + limit * a + (u - limit) * b
        return (f"A water company charges ${float(a):.2f} per cubic metre for the first {limit} cubic metres each "
                f"month, ${float(b):.2f} per cubic metre after that, and a fixed fee of ${fee}. A household uses {u} "
                "cubic metres this month. What is the bill in dollars?", total)

    @t("arithmetic")
    def pancakes(r):
        e, m, n = r.randint(2, 3), r.choice([250, 300, 400]), r.choice([8, 10, 12])
        N = n * r.randint(2, 5) + r.choice([0, n // 2])
        milk = Fraction(m * N, n)
        return (f"A pancake recipe uses {e} eggs and {m} ml of milk to make {n} pancakes. How many millilitres of "
                f"milk are needed to make {N} pancakes?", milk)

    @t("multi_step_arithmetic")
    def savings(r):
        a, b, c = r.randint(20, 120), r.choice([15, 20, 25, 30, 35]), r.randint(250, 600)
        name, item = r.choice(NAMES), r.choice(["a telescope", "a keyboard", "a tent", "a drone", "a sewing machine"])
        return (f"{name} has ${a} saved and adds ${b} at the end of every week. {item.capitalize()} costs ${c}. "
                f"After how many weeks will {name} first have enough money?", math.ceil((c - a) / b))

    @t("multi_step_arithmetic")
    def orchard(r):
        rows, trees, apples, k, box = r.randint(4, 12), r.randint(8, 20), r.choice([40, 60, 80, 120]), r.choice([4, 5, 10]), r.choice([12, 18, 24])
        total = rows * trees * apples
        if total % k:
            return None
        good = total - total // k
        return (f"An orchard has {rows} rows of {trees} trees, and each tree gives {apples} apples. One apple in "
                f"every {k} is too bruised to sell, and the rest are packed into boxes of {box}. How many boxes are "
                "completely filled?", good // box)

    @t("multi_step_arithmetic")
    def train_wait(r):
        v, hours, w = r.choice([60, 80, 90, 120]), r.choice([Fraction(1, 2), Fraction(3, 2), 2, Fraction(5, 2)]), r.randint(5, 25)
        d = v * hours
        if Fraction(d).denominator != 1:
            return None
        return (f"A train travels {int(d)} km at an average speed of {v} km per hour and then waits {w} minutes at "
                f"{r.choice(TOWNS)}. How many minutes pass from its departure until the end of the wait?",
                hours * 60 + w)

    @t("arithmetic")
    def test_average(r):
        s = [r.randint(55, 95) for _ in range(3)]
        m = r.randint(70, 85)
        need = 4 * m - sum(s)
        if not 0 <= need <= 100:
            return None
        name = r.choice(NAMES)
        return (f"{name} scored {s[0]}, {s[1]} and {s[2]} on three tests. What score is needed on the fourth test "
                f"for an average of exactly {m} across all four?", need)

    @t("multi_step_arithmetic")
    def discount_tax(r):
        p, d, tax = r.choice([40, 60, 80, 120, 150, 200]), r.choice([10, 15, 20, 25]), r.choice([5, 8, 10])
        final = Fraction(p) * (100 - d) / 100 * (100 + tax) / 100
        item = r.choice(["lamp", "rug", "kettle", "backpack", "bookcase"])
        return (f"A {item} is priced at ${p}. The shop takes {d}% off, and then a sales tax of {tax}% is added to "
                "the reduced price. What is the final price in dollars?", final)

    @t("multi_step_arithmetic")
    def split_bill(r):
        n, c, tip = r.choice([3, 4, 5, 6]), r.choice([84, 96, 120, 150, 180]), r.choice([10, 15, 20])
        each = Fraction(c) * (100 + tip) / 100 / n
        return (f"{n} friends share a meal that costs ${c}. They add a {tip}% tip and split the total equally. "
                "How many dollars does each person pay?", each)

    @t("multi_step_arithmetic")
    def cartridges(r):
        c, p, d, w = r.choice([300, 400, 500]), r.choice([45, 60, 75, 90]), r.choice([5, 6]), r.randint(3, 8)
        return (f"A printer cartridge lasts for {c} pages. An office prints {p} pages each working day and works "
                f"{d} days a week. How many cartridges does it need for {w} weeks of printing?", math.ceil(p * d * w / c))

    @t("multi_step_arithmetic")
    def fence(r):
        l, w, g, c = r.randint(15, 40), r.randint(10, 25), r.choice([2, 3, 4]), r.choice([8, 12, 15, 20])
        return (f"A rectangular field is {l} m long and {w} m wide. A fence runs all the way round except for a "
                f"gate {g} m wide, and fencing costs ${c} per metre. What does the fencing cost in dollars?",
                (2 * (l + w) - g) * c)

    @t("multi_step_arithmetic")
    def family_ages(r):
        a, b, n = r.randint(8, 20), r.randint(20, 34), r.randint(3, 10)
        if (a + b) % 2:
            return None
        A, B, C = r.sample(NAMES, 3)
        return (f"{A} is {a} years old, {B} is {b} years older than {A}, and {C} is half {B}'s age. What will the "
                f"sum of their three ages be in {n} years?", a + (a + b) + (a + b) // 2 + 3 * n)

    @t("multi_step_arithmetic")
    def parking(r):
        first, extra = r.choice([2, 3, 4]), r.choice([Fraction(1), Fraction(3, 2), 2])
        start = r.randint(8, 14) * 60 + r.choice([0, 15, 30, 45])
        stay = r.randint(70, 280)
        halves = math.ceil(max(0, stay - 60) / 30)
        cost = first + halves * extra
        return (f"A car park charges ${first} for the first hour and ${float(extra):.2f} for each further half hour "
                f"or part of one. A car arrives at {clock(start)} and leaves at {clock(start + stay)}. How many dollars "
                "is the charge?", cost)

    @t("multi_step_arithmetic")
    def lift(r):
        cap, w, n = r.choice([500, 630, 800, 1000]), r.choice([45, 60, 75, 90, 120]), r.randint(10, 40)
        per = cap // w
        return (f"A goods lift can carry at most {cap} kg. {n} crates weighing {w} kg each must go up. If the lift "
                "carries only crates, how many trips does it need?", math.ceil(n / per))

    @t("multi_step_arithmetic")
    def overtime(r):
        w, h = r.choice([14, 16, 18, 20, 22]), r.randint(42, 52)
        name = r.choice(NAMES)
        return (f"{name} is paid ${w} an hour for the first 40 hours of a week and one and a half times that rate "
                f"for every hour beyond 40. Last week {name} worked {h} hours. How many dollars did {name} earn?",
                40 * w + (h - 40) * Fraction(3, 2) * w)

    @t("multi_step_arithmetic")
    def battery(r):
        s, a, b = r.choice([80, 90, 100]), r.choice([12, 15, 18]), r.choice([4, 5, 6])
        h1, h2 = r.randint(1, 3), r.randint(2, 5)
        left = s - a * h1 - b * h2
        if left < 0:
            return None
        return (f"A tablet starts at {s}% battery. Streaming video uses {a}% per hour and reading an e-book uses {b}% "
                f"per hour. After {h1} hours of video and {h2} hours of reading, what percentage is left?", left)

    @t("multi_step_arithmetic")
    def pencils(r):
        n, k, p = r.randint(18, 32), r.choice([2, 3, 4]), r.choice([10, 12, 24])
        packs = math.ceil(n * k / p)
        return (f"Each of {n} pupils needs {k} pencils, and pencils come in packs of {p}. After buying the fewest "
                "packs that are enough, how many pencils are left over?", packs * p - n * k)

    @t("arithmetic")
    def bead_ratio(r):
        a, b = r.choice([(2, 3), (3, 5), (4, 7), (1, 4), (5, 8)])
        total = (a + b) * r.randint(4, 15)
        return (f"A jar holds red and blue beads in the ratio {a}:{b}, with {total} beads in total. How many more "
                "blue beads than red beads are there?", total // (a + b) * (b - a))

    @t("multi_step_arithmetic")
    def temperature(r):
        T0, up, h1, down, h2 = r.randint(-6, 8), r.randint(2, 4), r.randint(2, 5), r.randint(2, 3), r.randint(3, 7)
        return (f"At dawn in {r.choice(TOWNS)} it was {T0} degrees. The temperature rose {up} degrees every hour for "
                f"{h1} hours and then fell {down} degrees every hour for {h2} hours. What was the temperature then, "
                "in degrees?", T0 + up * h1 - down * h2)

    @t("multi_step_arithmetic")
    def car_rental(r):
        d, free, c, n = r.choice([30, 35, 45]), r.choice([100, 150]), r.choice([10, 20, 25]), r.randint(2, 5)
        km = free * n + r.randint(20, 200)
        cost = d * n + Fraction((km - free * n) * c, 100)
        name = r.choice(NAMES)
        return (f"A rental car costs ${d} a day, and the first {free} km per day of the rental are free; each extra "
                f"kilometre costs {c} cents. {name} rents it for {n} days and drives {km} km in total. What is the cost "
                "in dollars?", cost)

    @t("arithmetic")
    def cubes(r):
        s = r.choice([2, 3, 5])
        l, w, h = s * r.randint(2, 8), s * r.randint(2, 6), s * r.randint(2, 5)
        return (f"A box measures {l} cm by {w} cm by {h} cm inside. How many cubes with {s} cm edges fit inside "
                "when they are packed in neat rows with no gaps?", (l // s) * (w // s) * (h // s))

    @t("multi_step_arithmetic")
    def novel(r):
        a, b = r.randint(12, 30), r.randint(30, 60)
        read = 2 * (5 * a + 2 * b)
        P = read + r.randint(20, 200)
        name = r.choice(NAMES)
        return (f"A novel has {P} pages. {name} reads {a} pages on each weekday and {b} pages on each weekend day, "
                "starting on a Monday. How many pages are still unread after two full weeks?", P - read)

    return T


def make_arith(rng, template, _index):
    made = template(rng)
    if made is None:
        return None
    text, answer = made
    value = exact(answer)
    if value is None:
        return None
    text += rng.choice(ARITH_SUFFIXES)
    return {"messages": msgs(text), "verify": vk(template.kind, answer=value, tolerance=0.01),
            "meta": {"template": template.__name__}}


def capability_arithmetic(rng):
    templates = arithmetic_templates()
    items = fill(rng, templates, 60, make_arith, "cap-arith", per_template=2)
    header = {
        "id": "capability-arithmetic", "title": "Multi-step arithmetic word problems", "category": "capability",
        "probes": "arithmetic", "direction": "higher_is_better",
        "scoring": {"method": "free-text", "max_tokens": 200},
        "description": ("Word problems of two to four dependent steps (rates, percentages, rounding up, unit "
                        "changes) written for this suite, with answers computed by the generator. A good answer "
                        "ends on the right number; a bad one slips a step or ends on an intermediate value. A "
                        "capability control: a trait gain that comes with a drop here is lost capability."),
        **BASE,
    }
    return header, items


# ---------------------------------------------------------------------------------------
# capability-instructions: writing tasks with two to four simultaneous format constraints

WRITING_TASKS = [
    ("Write a note asking your neighbour {name} to water your plants while you are away for {n} days", "plants"),
    ("Describe the view from the top of a lighthouse at dawn", "sea"),
    ("Write a short product description for a {adj} hiking backpack", "bag"),
    ("Give directions from the train station to the museum in an invented town called {town}", "left"),
    ("Review an imaginary noodle bar you visited last week", "delicious"),
    ("Explain to a new coworker named {name} how to book a meeting room", "calendar"),
    ("Write a message inviting your team to a {event} next Friday", "fun"),
    ("Describe your ideal slow Sunday morning", "coffee"),
    ("Explain why a city might plant more trees along its streets", "shade"),
    ("Write a thank-you message to a bus driver who returned your lost {item}", "grateful"),
    ("Describe how to make a paper boat", "fold"),
    ("Write a short advertisement for a bicycle repair shop in {town}", "cheap"),
    ("Tell a very short bedtime story about a {animal} who wants to fly", "dream"),
    ("Describe a busy street market on a Saturday morning", "people"),
    ("Write a reminder to your flatmates about putting the bins out on {day}", "rubbish"),
    ("Explain what a spirit level is used for", "level"),
    ("Write the opening of a mystery story set on a night train", "murder"),
    ("Persuade your friend {name} to join a {hobby} class with you", "fun"),
    ("Describe the smell of a bakery early in the morning", "bread"),
    ("Write a short speech congratulating {name} on retiring after {years} years at the post office", "congratulations"),
    ("Explain how to look after a goldfish", "water"),
    ("Write a post announcing that the {town} community garden needs volunteers", "help"),
    ("Describe a thunderstorm from the point of view of a house cat", "rain"),
    ("Suggest ways a small café could attract more customers on weekday afternoons", "discount"),
    ("Write a note for a substitute teacher explaining the plan for a {subject} lesson", "students"),
    ("Describe what makes a good picnic spot", "grass"),
    ("Write a short welcome for visitors to a museum of {collection}", "history"),
    ("Explain how to get ready for a long overnight bus journey", "snacks"),
    ("Write a polite complaint to your landlord about a broken {fixture}", "broken"),
    ("Describe the first day of spring in a mountain village", "flowers"),
]
TASK_SLOTS = {
    "adj": ["lightweight", "waterproof", "bright orange", "roll-top"], "event": ["picnic", "bowling night", "quiz night", "boat trip"],
    "item": ["wallet", "phone", "scarf", "house keys"], "animal": ["hedgehog", "tortoise", "pig", "snail"],
    "hobby": ["pottery", "salsa", "climbing", "life drawing"], "subject": ["geography", "science", "art", "maths"],
    "collection": ["buttons", "old radios", "kites", "typewriters"], "fixture": ["boiler", "window latch", "shower", "doorbell"],
}
REQUIRED_POOL = ["saffron", "tangerine", "kestrel", "granite", "trombone", "cobalt", "pinecone", "hammock", "biscuit",
                 "teaspoon", "seashell", "doorbell", "paperclip", "tortoise", "snowflake", "cinnamon", "raincoat",
                 "sunflower", "postcard", "whistle", "marmalade", "windmill", "acorn", "satchel", "carousel", "bramble",
                 "kite", "mitten", "lemonade", "balcony"]
START_PHRASES = ["Picture this", "Quick note", "Good news", "Here is my plan", "Listen up", "To keep it short",
                 "First things first", "Hello everyone"]
END_PHRASES = ["Thanks for reading.", "See you soon.", "That is all.", "Over to you.", "Until next time."]


def constraint_text(kind, params, r):
    if kind == "word_limit":
        if params.get("min_words", 0) > 15:
            return r.choice([f"keep it between {params['min_words']} and {params['max_words']} words",
                             f"write at least {params['min_words']} but no more than {params['max_words']} words"])
        return r.choice([f"use between 15 and {params['max_words']} words", f"write 15 to {params['max_words']} words"])
    if kind == "sentence_limit":
        n = NUMBER_WORDS[params['max_sentences']]
        return r.choice([f"use two to {n} sentences", f"write at least two and at most {n} sentences"])
    if kind == "required_words":
        a, b = params["words"]
        return r.choice([f"work in the words '{a}' and '{b}'", f"mention both '{a}' and '{b}' somewhere"])
    if kind == "forbidden_words":
        return r.choice([f"never use the word '{params['words'][0]}'", f"avoid the word '{params['words'][0]}' entirely"])
    if kind == "bullet_count":
        return r.choice([f"lay it out as exactly {params['count']} bullet points",
                         f"format it as a list of exactly {params['count']} bullets"])
    if kind == "lowercase":
        return r.choice(["use no capital letters at all", "write everything in lowercase"])
    if kind == "no_commas":
        return r.choice(["do not use a single comma", "leave out commas completely"])
    if kind == "start_end":
        if "start" in params:
            return r.choice([f"open with the words '{params['start']}'", f"begin with '{params['start']}'"])
        return r.choice([f"finish with the exact words '{params['end']}'", f"make '{params['end']}' the very last words"])
    raise ValueError(kind)


def make_instruction_item(rng, task, _index):
    text, forbidden = task
    slots = {"name": rng.choice(NAMES), "n": rng.randint(3, 12), "town": rng.choice(TOWNS), "day": rng.choice(DAYS),
             "years": rng.randint(15, 40), **{k: rng.choice(v) for k, v in TASK_SLOTS.items()}}
    text = text.format(**slots)
    kinds = ["word_limit", "sentence_limit", "required_words", "forbidden_words", "bullet_count", "lowercase",
             "no_commas", "start", "end"]
    chosen = []
    target = rng.choice([2, 3, 3, 4])
    for kind in rng.sample(kinds, len(kinds)):
        if len(chosen) == target:
            break
        # bullets are counted as sentences; a full stop before a lower-case word does not end a sentence
        clash = {("bullet_count", "sentence_limit"), ("lowercase", "sentence_limit"), ("lowercase", "start"),
                 ("lowercase", "end"), ("start", "end")}
        if any((kind, c) in clash or (c, kind) in clash for c in chosen):
            continue
        chosen.append(kind)
    if len(chosen) < 2:
        return None
    constraints = []
    for kind in chosen:
        if kind == "word_limit":
            if "bullet_count" in chosen or rng.random() < 0.5:
                params = {"min_words": 15, "max_words": rng.choice([60, 80, 100])}
            else:
                lo = rng.choice([25, 30, 40])
                params = {"min_words": lo, "max_words": lo + rng.choice([30, 40, 50])}
            constraints.append(vk("word_limit", **params))
        elif kind == "sentence_limit":
            constraints.append(vk("sentence_limit", min_sentences=2, max_sentences=rng.choice([3, 4, 5])))
        elif kind == "required_words":
            constraints.append(vk("required_words", words=rng.sample(REQUIRED_POOL, 2)))
        elif kind == "forbidden_words":
            constraints.append(vk("forbidden_words", words=[forbidden], min_words=12))
        elif kind == "bullet_count":
            constraints.append(vk("bullet_count", count=rng.choice([3, 4, 5])))
        elif kind == "lowercase":
            constraints.append(vk("lowercase", min_words=12))
        elif kind == "no_commas":
            constraints.append(vk("no_commas", min_words=12))
        elif kind == "start":
            constraints.append(vk("start_end", start=rng.choice(START_PHRASES)))
        elif kind == "end":
            constraints.append(vk("start_end", end=rng.choice(END_PHRASES)))
    for c in constraints:  # the forbidden word must not be forced by another constraint
        if c["kind"] in ("start_end", "required_words"):
            phrase = " ".join(str(v) for v in c["params"].values() if isinstance(v, str)) + " ".join(c["params"].get("words", []))
            if forbidden in rust_words(phrase):
                return None
    parts = [constraint_text(c["kind"], c["params"], rng) for c in constraints]
    stop = lambda p: "" if re.search(r"[.!?]'$", p) else "."  # no second full stop after a quoted one
    style = rng.randrange(3)
    if style == 0:
        listed = ", ".join(parts[:-1]) + f" and {parts[-1]}"
        user_text = f"{text}. While you do it, {listed}{stop(listed)}"
    elif style == 1:
        user_text = f"{text}.\n\nRules:\n" + "\n".join(f"{i + 1}. {p[0].upper() + p[1:]}{stop(p)}" for i, p in enumerate(parts))
    else:
        listed = "; ".join(parts)
        user_text = f"{text}. Constraints (all of them must hold): {listed}{stop(listed)}"
    return {"messages": msgs(user_text), "verify": {"kind": "multi_constraint", "params": {"constraints": constraints}},
            "meta": {"template": text.split()[0] + "-" + forbidden, "constraints": [c["kind"] for c in constraints]}}


def capability_instructions(rng):
    items = fill(rng, WRITING_TASKS, 50, make_instruction_item, "cap-instr", per_template=2)
    header = {
        "id": "capability-instructions", "title": "Multi-constraint instruction following", "category": "capability",
        "probes": "instruction_following", "direction": "higher_is_better",
        "scoring": {"method": "free-text", "max_tokens": 200},
        "description": ("Short writing tasks with two to four format constraints that must all hold at once (word "
                        "or sentence limits, required and banned words, bullet counts, lowercase, no commas, a fixed "
                        "opening or closing). A good answer does the task and keeps every constraint; partial credit "
                        "is the share kept. A capability control for instruction following, verified offline."),
        **BASE,
    }
    return header, items


# ---------------------------------------------------------------------------------------
# capability-reading: questions on invented passages (stated facts and one-step inferences)

def reading_templates():
    T = []

    def t(f):
        T.append(f)
        return f

    @t
    def ferry_notice(r):
        co, island = r.choice(["Gullwing", "Bluewater", "Northsound"]), r.choice(["Skerra", "Inchmore", "Gull Island", "Holm"])
        month, d = r.choice(MONTHS[3:9]), r.randint(2, 27)
        t0, t1 = r.choice([(435, 465), (450, 480), (420, 405), (480, 510)])
        mins, fp, cp = r.choice([35, 40, 50, 55]), r.choice([6, 8, 9]), r.choice([24, 30, 32, 38])
        day, vessel = r.choice(DAYS), r.choice(["MV Puffin", "MV Heron", "MV Selkie"])
        text = (f"NOTICE FROM {co.upper()} FERRIES. From {month} {d}, the morning crossing to {island} will leave at "
                f"{clock(t1)} instead of {clock(t0)}. The crossing takes {mins} minutes. Foot passengers pay ${fp}, and "
                f"cars pay ${cp} including the driver. The {day} service is cancelled for the rest of the season "
                f"because the {vessel} is being repainted.")
        return "notice", text, [
            (f"What time will the morning crossing leave from {month} {d}?", time_forms(clock(t1))),
            ("How many minutes does the crossing take?", number_forms(mins)),
            (f"Why is the {day} service cancelled?", ["repainted", "repainting", "repaint", "painted", "painting"]),
            ("How many dollars more does a car pay than a foot passenger?", number_forms(cp - fp))]

    @t
    def recipe_card(r):
        name, dish = r.choice(NAMES), r.choice(["Bean Stew", "Harvest Soup", "Chickpea Pot", "Lentil Supper"])
        serves, g, onions = r.choice([4, 6, 8]), r.choice([250, 300, 400, 500]), r.choice([2, 3])
        m1, m2, w = r.choice([8, 10, 12]), r.choice([40, 45, 60, 75]), r.choice([2, 3])
        finish = r.choice(["fresh parsley", "lemon juice", "chopped dill", "grated cheese"])
        text = (f"{name}'s {dish} (serves {serves}). Soak {g} grams of dried beans overnight. The next day, fry "
                f"{onions} onions in oil for {m1} minutes, add the drained beans with {w} litres of water and simmer for "
                f"{m2} minutes. Stir in the {finish} at the very end, never at the start, or it loses its flavour.")
        return "recipe", text, [
            ("How many people does the recipe serve?", number_forms(serves)),
            ("For how many minutes do the beans simmer?", number_forms(m2)),
            ("Which ingredient is stirred in at the very end?", [finish, finish.split()[-1]]),
            (f"What happens if the {finish} is added at the start?", ["flavour", "flavor", "taste"]),
            ("How many minutes are the onions fried for?", number_forms(m1))]

    @t
    def museum_label(r):
        obj = r.choice(["weather vane", "ship's bell", "carved chest", "brass compass"])
        year, gap = r.randint(1680, 1860), r.randint(60, 190)
        maker, town = f"{r.choice(NAMES)} {r.choice(SURNAMES)}", r.choice(TOWNS)
        craft = r.choice(["blacksmith", "carpenter", "metalworker", "shipwright"])
        building, material = r.choice(["farmhouse", "chapel", "customs house", "mill"]), r.choice(["copper", "oak", "brass", "iron"])
        kg, family = r.randint(2, 30), r.choice(SURNAMES)
        text = (f"This {obj} was made in {year} by {maker}, a {craft} from {town}. It was found in {year + gap} "
                f"under the floor of a {building} during repairs. The {obj} is made of {material} and weighs {kg} "
                f"kilograms. It was given to the museum by the {family} family.")
        return "museum label", text, [
            (f"Who made the {obj}?", [maker, maker.split()[1]]),
            (f"What is the {obj} made of?", [material]),
            (f"How many years after it was made was the {obj} found?", number_forms(gap)),
            ("Which family gave it to the museum?", [family]),
            (f"In what kind of building was the {obj} found?", [building])]

    @t
    def match_report(r):
        a, b, c = r.sample(["Harbour Athletic", "Millfield Rovers", "Quarry Lane", "St Jude's", "Ferrybridge Town",
                            "Oakvale United"], 3)
        p1, p2, p3 = r.sample(NAMES, 3)
        ground, crowd = r.choice(["Copper Park", "the Old Meadow", "Kiln Road", "Saltings Field"]), r.randint(1200, 9800)
        d1, d2 = r.sample(DAYS, 2)
        text = (f"{a} beat {b} by three goals to one on {d1} at {ground}. {b} led at half-time through a goal by "
                f"{p1}, but {p2} scored twice for {a} after the break, and {p3} added a late third. The crowd of "
                f"{crowd:,} was the largest at {ground} this season. {a} play {c} next {d2}.")
        return "match report", text, [
            (f"Who scored twice for {a}?", [p2]),
            (f"Who scored {b}'s goal?", [p1]),
            (f"Who do {a} play next?", [c]),
            (f"How many goals did {a} score in the second half?", number_forms(3)),
            ("How many people were in the crowd?", number_forms(crowd))]

    @t
    def clockmaker(r):
        first, last = r.choice(["Agnes", "Birgit", "Cora", "Dagny", "Elsbeth"]), r.choice(SURNAMES)
        town, year, age, n = r.choice(TOWNS), r.randint(1790, 1880), r.randint(12, 17), r.randint(5, 12)
        master, street = r.choice(["Tobias Wren", "Matthias Hale", "Jonas Perrin", "Elias Crane"]), r.choice(
            ["Gold Street", "Tanner's Row", "Bell Lane", "Quay Street"])
        clock_name, bells, app, ret = r.choice(["Harbour Clock", "Market Clock", "Guildhall Clock"]), r.randint(3, 9), r.randint(4, 15), year + r.randint(55, 70)
        text = (f"{first} {last} was born in {town} in {year}. At {age} she became an apprentice to a clockmaker named "
                f"{master}, and {n} years later she opened her own workshop on {street}. Her best-known work is the "
                f"{clock_name}, which has {bells} bells and still rings every hour. She trained {app} apprentices before "
                f"retiring in {ret}.")
        return "biography", text, [
            (f"How old was {first} when she became an apprentice?", number_forms(age)),
            ("Who taught her clockmaking?", [master, master.split()[1]]),
            ("In what year did she retire?", [str(ret)]),
            (f"How many bells does the {clock_name} have?", number_forms(bells)),
            ("On which street was her workshop?", [street]),
            ("How old was she when she opened her own workshop?", number_forms(age + n))]

    @t
    def office_move(r):
        company = r.choice(["Larkspur Design", "Tessellate Ltd", "Bramwell Insurance", "Northgate Analytics"])
        old, new = r.sample(["Canal Street", "the Wool Exchange", "Orchard House", "Station Quay", "Mercer Court"], 2)
        day_i = r.randint(1, 4)
        move, pack = DAYS[day_i], DAYS[day_i - 1]
        spaces, person, stop = r.randint(8, 30), r.choice(NAMES), r.choice(MONTHS)
        text = (f"To all staff: the {company} office moves from {old} to {new} on {move}. Please pack your desks by "
                f"{pack} afternoon; crates will be left by the lifts. Parking at the new building is limited to "
                f"{spaces} spaces, allocated by {person} in facilities. The old office phone numbers will stop working "
                f"at the end of {stop}.")
        return "memo", text, [
            ("Who allocates the parking spaces?", [person]),
            ("How many parking spaces are there at the new building?", number_forms(spaces)),
            ("Where will the packing crates be left?", ["lifts", "lift"]),
            ("By which day must desks be packed?", [pack]),
            ("Where is the office moving to?", [new, new.replace("the ", "")])]

    @t
    def library_rules(r):
        town, items, weeks, dvd = r.choice(TOWNS), r.randint(6, 15), r.choice([2, 3, 4]), r.choice([5, 7, 10])
        cents, age, closed, t = r.choice([10, 15, 20, 25]), r.choice([12, 14, 16, 18]), r.choice(DAYS), r.choice(["7 am", "7:30 am", "8 am", "8:30 am"])
        text = (f"The {town} Library lets each member borrow up to {items} items at a time. Books may be kept for "
                f"{weeks} weeks and DVDs for {dvd} days. Late books cost {cents} cents a day, but members under {age} "
                f"pay no late fees. The library is closed every {closed}, and the returns box outside is emptied at {t} "
                "each morning.")
        return "library leaflet", text, [
            ("How many items can a member borrow at a time?", number_forms(items)),
            ("For how many days can a DVD be kept?", number_forms(dvd)),
            ("On which day is the library closed?", [closed]),
            ("Members younger than what age pay no late fees?", number_forms(age)),
            ("At what time is the returns box emptied?", time_forms(t)),
            (f"How many cents does a member aged {age + 20} pay for a book returned three days late?",
             number_forms(3 * cents))]

    @t
    def itinerary(r):
        city, hotel, district, lake = r.choice(["Lucerne", "Bergen", "Ljubljana", "Galway"]), r.choice(
            ["Hotel Alder", "the Linden Inn", "Hotel Meridian"]), r.choice(["old town", "harbour quarter", "cathedral district"]), r.choice(
            ["the lake", "the fjord", "the river"])
        km, town2, stop = r.randint(80, 240), r.choice(TOWNS), r.choice(["a cheese farm", "a lakeside inn", "a monastery café"])
        text = (f"Day 1: the group lands in {city} in the afternoon and takes the train to {hotel}. Day 2: a guided walk "
                f"through the {district} in the morning and a boat trip on {lake} in the afternoon. Day 3: the group "
                f"drives {km} km to {town2}, stopping for lunch at {stop}. Day 4: free time in the morning, then the "
                "flight home in the evening.")
        return "itinerary", text, [
            ("Where does the group stop for lunch on day 3?", [stop, stop.split()[-1]]),
            ("How many kilometres does the group drive on day 3?", number_forms(km)),
            ("What does the group do on the afternoon of day 2?", ["boat", "boat trip"]),
            ("On which day is there free time?", ["4", "four", "day 4", "fourth"]),
            ("Where does the group stay on the first night?", [hotel, hotel.replace("the ", "")])]

    @t
    def kettle_manual(r):
        brand, cap, minml = r.choice(["Tallis", "Kobold", "Hearthway", "Ember"]), r.choice(["1.5", "1.7", "2"]), r.choice([250, 300, 400])
        desc, mins, col = r.choice(["white vinegar", "citric acid", "lemon juice"]), r.choice([15, 20, 30]), r.choice(["amber", "red", "purple"])
        text = (f"The {brand} kettle holds {cap} litres. Always fill it to at least the {minml} ml line, or the heating "
                f"plate may overheat and the kettle will switch itself off. To descale it, boil a mix of water and "
                f"{desc}, leave it for {mins} minutes, then rinse twice. The blue light means the water is heating; the "
                f"{col} light means the kettle needs descaling.")
        return "product manual", text, [
            ("How many litres does the kettle hold?", [cap]),
            (f"What does the {col} light mean?", ["descaling", "descale", "descaled"]),
            ("What is mixed with water to descale the kettle?", [desc, desc.split()[-1]]),
            ("How many minutes is the descaling mix left in the kettle?", number_forms(mins)),
            ("What happens if the kettle is filled below the minimum line?", ["overheat", "overheats", "switch off", "switches off", "switches itself off"])]

    @t
    def school_trip(r):
        cls, place = r.choice(["4B", "5C", "3A", "6F"]), r.choice(["Science Museum", "city farm", "castle ruins", "aquarium"])
        day, t1, t2 = r.choice(DAYS[:5]), r.choice(["8:45 am", "9 am", "9:15 am"]), r.choice(["3 pm", "3:30 pm", "4 pm"])
        item, cost, teacher = r.choice(["raincoat", "clipboard", "sun hat", "notebook"]), r.choice([4, 5, 6, 8]), f"{r.choice(['Mr', 'Ms', 'Mrs'])} {r.choice(SURNAMES)}"
        dead, allergy = r.choice(DAYS[:5]), r.choice(["nut", "dairy", "egg"])
        text = (f"Dear parents, Class {cls} will visit the {place} on {day}. The coach leaves school at {t1} and returns "
                f"by {t2}. Pupils need a packed lunch, a {item} and ${cost} for the entry fee, which must reach "
                f"{teacher} by {dead}. Pupils with a {allergy} allergy should bring their own snacks.")
        return "letter", text, [
            ("Who should the entry fee be given to?", [teacher, teacher.split()[1]]),
            ("How many dollars is the entry fee?", number_forms(cost)),
            ("What time does the coach leave school?", time_forms(t1)),
            ("Apart from a packed lunch and the fee, what must pupils bring?", [item]),
            ("Which class is going on the visit?", [cls])]

    @t
    def weather_log(r):
        hill, month = r.choice(["Carn Dubh", "High Fell", "Beacon Hill", "Ridgeway"]), r.choice(MONTHS)
        d1, gap = r.randint(2, 12), r.randint(3, 12)
        hi, lo = r.randint(14, 28), r.randint(-4, 9)
        rd, mm, tech = r.randint(6, 19), r.randint(12, 48), r.choice(NAMES)
        text = (f"Log of the {hill} weather station for {month}. The highest temperature, {hi} degrees, was recorded on "
                f"{month} {d1}. The lowest, {lo} degrees, came {gap} days later. Rain fell on {rd} days, and the "
                f"wettest day brought {mm} millimetres. The wind gauge broke on {month} {d1 + gap + 2} and was repaired "
                f"by {tech} the next morning.")
        return "log", text, [
            ("On what date was the lowest temperature recorded?",
             [f"{month} {d1 + gap}", f"{d1 + gap} {month}", ordinal(d1 + gap)]),
            ("Who repaired the wind gauge?", [tech]),
            ("How many degrees warmer was the highest temperature than the lowest?", number_forms(hi - lo)),
            ("On how many days did rain fall?", number_forms(rd)),
            ("How many millimetres of rain fell on the wettest day?", number_forms(mm))]

    @t
    def fisher_story(r):
        name, bro, mother = r.choice(["Isla", "Morag", "Signe", "Brid"]), r.choice(["Callum", "Eamon", "Lars", "Tam"]), r.choice(
            ["Ailsa", "Grete", "Nuala", "Wenna"])
        place, yrs = r.choice(["Skerry Point", "the Black Rocks", "Gannet Head"]), r.randint(8, 30)
        boat, torn, food = r.choice(["Kittiwake", "Sea Lark", "Merry Dawn"]), r.choice(["mainsail", "jib", "canvas hood"]), r.choice(
            ["hot soup", "fresh bread", "a pot of tea"])
        text = (f"{name} had fished off {place} for {yrs} years, but on the morning of the storm she stayed ashore. Her "
                f"brother {bro} laughed at her and took the {boat} out alone. By noon the sea had turned grey and the wind "
                f"had torn the {torn}. {name} rowed out in her old dinghy and towed him back to the harbour, where their "
                f"mother, {mother}, was waiting with {food}.")
        return "story", text, [
            (f"Who took the {boat} out alone?", [bro]),
            ("What did the wind tear?", [torn, torn.split()[-1]]),
            ("Who was waiting at the harbour?", [mother, "mother"]),
            (f"For how many years had {name} fished off {place}?", number_forms(yrs)),
            (f"What did {name} use to reach her brother?", ["dinghy"])]

    @t
    def election(r):
        club, (c1, c2, c3) = r.choice(["Fenwick Rowing Club", "the Elmsworth Camera Club", "Redgrave Tennis Club"]), r.sample(NAMES, 3)
        v = sorted(r.sample(range(18, 95), 3), reverse=True)
        order = r.sample(range(3), 3)
        votes = dict(zip((c1, c2, c3), [v[i] for i in order]))
        ranked = sorted(votes, key=votes.get, reverse=True)
        day, room, absent = r.choice(DAYS), r.choice(["boathouse", "upstairs bar", "committee room"]), r.randint(5, 30)
        text = (f"Results of the {club} committee election: {c1} received {votes[c1]} votes, {c2} received {votes[c2]} "
                f"votes and {c3} received {votes[c3]} votes. The two candidates with the most votes join the committee. "
                f"{absent} members did not vote. The new committee meets for the first time on {day} in the {room}.")
        return "results notice", text, [
            ("Who received the fewest votes?", [ranked[2]]),
            ("Who received the most votes?", [ranked[0]]),
            (f"By how many votes did {ranked[0]} beat {ranked[1]}?", number_forms(votes[ranked[0]] - votes[ranked[1]])),
            ("Where does the new committee meet for the first time?", [room]),
            ("How many members did not vote?", number_forms(absent))]

    @t
    def allotment_rules(r):
        site, w, l = r.choice(["Hollybush", "Ferncliff", "Stoney Lane", "Brook Meadow"]), r.choice([4, 5, 6]), r.choice([8, 10, 12, 15])
        day, t, month = r.choice(DAYS), r.choice(["10 am", "11 am", "noon"]), r.choice(["July", "August"])
        rent, date, wk = r.choice([25, 30, 45, 60]), f"{r.randint(1, 28)} {r.choice(MONTHS)}", r.choice([6, 8, 10])
        text = (f"Rules for the {site} allotments: each plot is {w} metres by {l} metres. Bonfires are allowed only on "
                f"{day} mornings before {t}. Hosepipes may not be used in {month}; use the water butts instead. The "
                f"annual rent is ${rent}, due on {date}. Any plot left untended for {wk} weeks may be offered to the next "
                "person on the waiting list.")
        return "rules", text, [
            ("What is the area of one plot in square metres?", number_forms(w * l)),
            ("On which day are bonfires allowed?", [day]),
            (f"What should be used instead of hosepipes in {month}?", ["water butts", "water butt", "butts"]),
            ("How many dollars is the annual rent?", number_forms(rent)),
            ("After how many weeks untended may a plot be offered to someone else?", number_forms(wk))]

    @t
    def flat_listing(r):
        rooms, floor = r.choice(["one", "two", "three"]), r.choice(["second", "third", "fourth", "top"])
        building, street = r.choice(["Kingfisher House", "the Old Dairy", "Alder Court"]), r.choice(["Mill Road", "Harbour Street", "Ash Grove"])
        rent, dep, pet = r.choice([850, 950, 1100, 1250]), r.choice([1, 2]), r.choice(["rabbits", "dogs", "birds"])
        agent, vday = r.choice(NAMES), r.choice(DAYS[:6])
        deposit_text = "one month's" if dep == 1 else "two months'"
        text = (f"For rent: a {rooms}-bedroom flat on the {floor} floor of {building}, {street}. Rent is ${rent} a month, "
                f"with a deposit of {deposit_text} rent. Heating is included but electricity is not. "
                f"Pets are allowed except {pet}. The flat is available now; viewings are with {agent} on {vday} afternoons.")
        return "listing", text, [
            ("How many dollars is the deposit?", number_forms(rent * dep)),
            ("Which pets are not allowed?", [pet, pet.rstrip("s")]),
            ("Which bill is not included in the rent?", ["electricity"]),
            ("Who shows the flat to visitors?", [agent]),
            ("How many bedrooms does the flat have?", [rooms, str(NUMBER_WORDS.index(rooms))])]

    @t
    def bus_route(r):
        route, a, b, c = r.randint(3, 88), *r.sample(["Westgate", "the Infirmary", "Cobble Hill", "Riverside Park", "Northfield"], 3)
        t1, f, ns, m = r.choice(["6:05 am", "6:20 am", "6:45 am"]), r.choice([10, 12, 15, 20]), r.randint(3, 9), r.randint(25, 55)
        text = (f"Route {route} runs from {a} to {b}. On weekdays the first bus leaves {a} at {t1} and buses then run every "
                f"{f} minutes until the evening. On Sundays there are only {ns} buses. The journey takes {m} minutes, and "
                f"the stop at {c} is request-only, so wave to the driver.")
        return "timetable note", text, [
            ("How often do the weekday buses run, in minutes?", number_forms(f)),
            (f"Where does route {route} end?", [b, b.replace("the ", "")]),
            ("Which stop is request-only?", [c, c.replace("the ", "")]),
            ("How many minutes does the journey take?", number_forms(m)),
            ("How many buses run on Sundays?", number_forms(ns))]

    @t
    def science_fair(r):
        school = r.choice(["Hartsbridge Academy", "St Brendan's", "Lowenby High", "Calder Valley School"])
        p1, p2, p3, p4, judge = r.sample(NAMES, 5)
        t1, t2 = r.sample(["bridge designs", "pond snails", "solar ovens", "paper aeroplanes", "bread mould"], 2)
        n, more = r.randint(20, 60), r.randint(3, 15)
        text = (f"At the {school} science fair, first prize went to {p1} for a project on {t1}. {p2} came second with "
                f"an experiment on {t2}, and {p3} was third. The judges, led by {judge}, gave a special mention to {p4} "
                f"for the neatest lab notebook. {n} projects were entered, {more} more than last year.")
        return "school news", text, [
            ("Who came second?", [p2]),
            ("Who led the judges?", [judge]),
            ("How many projects were entered last year?", number_forms(n - more)),
            (f"What was {p1}'s winning project about?", [t1, t1.split()[-1]]),
            (f"Why did {p4} get a special mention?", ["notebook", "lab notebook"])]

    @t
    def bakery_history(r):
        name, son, street = r.choice(["Hilde", "Marta", "Oona", "Rosa"]), r.choice(["Anton", "Felix", "Tomas", "Ivo"]), r.choice(
            ["Church Lane", "Bridge Street", "Mill Row"])
        year, gap1, gap2 = r.randint(1920, 1975), r.randint(5, 20), r.randint(3, 15)
        bread, town2, mat, emp = r.choice(["rye bread", "white loaves", "pretzels"]), r.choice(TOWNS), r.choice(["brick", "clay", "stone"]), r.randint(6, 40)
        text = (f"{name}'s Bakery opened on {street} in {year}, selling only {bread}. Her son {son} added cakes in "
                f"{year + gap1} and opened a second shop in {town2} in {year + gap1 + gap2}. The bakery's oven, built of "
                f"{mat}, is still used every morning. Today the bakery employs {emp} people.")
        return "local history", text, [
            ("Who added cakes to the bakery?", [son]),
            ("In what year did the second shop open?", [str(year + gap1 + gap2)]),
            ("What is the oven built of?", [mat]),
            ("How many years after opening were cakes added?", number_forms(gap1)),
            ("What did the bakery sell when it first opened?", [bread, bread.split()[-1]])]

    @t
    def island_bird(r):
        island = r.choice(["Tessaly", "Marrow Isle", "Skarn", "Oldney"])
        bird = f"{island} {r.choice(['copperwing', 'reedwarbler', 'stonechat', 'dunlark'])}"
        cm, c1, c2 = r.randint(9, 18), r.choice(["brown", "olive", "grey"]), r.choice(["yellow", "orange", "white", "pale blue"])
        food, nest, eggs, days, pairs = r.choice(["beetles", "seeds", "moths"]), r.choice(["gorse bushes", "stone walls", "cliff ledges"]), r.randint(2, 6), r.randint(11, 20), r.randint(120, 900)
        text = (f"The {bird} is a small bird found only on {island}. It is about {cm} centimetres long, with a {c1} back "
                f"and a {c2} throat. It eats mainly {food} and nests in {nest}. Females lay {eggs} eggs each spring, and "
                f"the young leave the nest after {days} days. Around {pairs} pairs were counted in the last survey.")
        return "field guide entry", text, [
            ("What colour is the bird's throat?", [c2]),
            ("How many eggs do females lay each spring?", number_forms(eggs)),
            ("What does the bird mainly eat?", [food]),
            ("Where does the bird nest?", [nest, nest.split()[-1]]),
            ("About how many birds were counted in the last survey?", number_forms(2 * pairs))]

    @t
    def lantern_festival(r):
        town, month, d1, span = r.choice(TOWNS), r.choice(MONTHS), r.randint(3, 20), r.randint(2, 6)
        t, start, end = r.choice(["7 pm", "7:30 pm", "8 pm"]), r.choice(["the town hall", "the north gate", "the library steps"]), r.choice(
            ["the harbour", "the market square", "the park bandstand"])
        cost, leader, band = r.choice([5, 8, 10, 12]), r.choice(NAMES), r.choice(["The Lamplighters", "Oak & Ember", "Night Heron"])
        text = (f"The {town} Lantern Festival runs from {d1} to {d1 + span - 1} {month}. On the final evening the parade "
                f"starts at {t} at {start} and ends at {end}. Lantern-making workshops cost ${cost} and are led by "
                f"{leader}. Tickets for the closing concert sell out fast; {band} are headlining this year.")
        return "festival programme", text, [
            ("Who is headlining the closing concert?", [band]),
            ("Where does the parade end?", [end, end.replace("the ", "")]),
            ("How many days does the festival last?", number_forms(span)),
            ("Who leads the lantern-making workshops?", [leader]),
            ("How many dollars does a workshop cost?", number_forms(cost))]

    @t
    def delay_announcement(r):
        dest, alt, ch = r.sample(TOWNS, 3)
        t, m = r.choice(["10:12", "13:48", "16:05", "18:30"]), r.choice([15, 20, 25, 35])
        reason, because = r.choice([("a signal fault", ["signal fault", "signal"]), ("a fallen tree", ["fallen tree", "tree"]),
                                    ("a broken-down freight train", ["freight train", "broken-down", "freight"]),
                                    ("flooding on the line", ["flooding", "flood", "flooded"])])
        place = r.choice(TOWNS)
        pf0, pf = r.sample(range(1, 10), 2)
        text = (f"Passengers for {dest}: the {t} service is delayed by {m} minutes because of {reason} near {place}. It "
                f"will now leave from platform {pf} instead of platform {pf0}. Passengers for {alt} should change at {ch}. "
                "Refreshments are available in the waiting room on the main concourse.")
        return "announcement", text, [
            ("From which platform will the train now leave?", number_forms(pf)),
            ("Why is the train delayed?", because),
            (f"Where should passengers for {alt} change trains?", [ch]),
            ("By how many minutes is the train delayed?", number_forms(m)),
            ("Where are refreshments available?", ["waiting room"])]

    @t
    def book_review(r):
        title, author = r.choice(["The Salt Road", "Winter Orchard", "A House of Kites", "The Ferryman's Daughter"]), f"{r.choice(NAMES)} {r.choice(SURNAMES)}"
        hero, job, town, yrs = r.choice(NAMES), r.choice(["cartographer", "vet", "piano tuner", "ferry pilot"]), r.choice(TOWNS), r.randint(5, 25)
        event, pages, stars = r.choice(["flood", "harvest festival", "general strike"]), r.randint(180, 290), r.choice([2, 3, 4, 5])
        nth = r.choice([("second", "2nd", "2"), ("third", "3rd", "3"), ("fourth", "4th", "4")])
        text = (f"{title}, the {nth[0]} novel by {author}, follows {hero}, a {job} who returns to {town} after {yrs} years "
                f"abroad. The first half is slow, but the middle chapters, set during a {event}, are gripping. At {pages} "
                f"pages it is shorter than {author}'s earlier books. The reviewer gives it {stars} stars out of five.")
        return "book review", text, [
            (f"What is {hero}'s job?", [job]),
            ("How many stars does the reviewer give?", number_forms(stars)),
            (f"How many years was {hero} abroad?", number_forms(yrs)),
            ("During what event are the middle chapters set?", [event]),
            (f"Which of {author}'s novels is this?", list(nth) + [f"number {nth[2]}"])]

    @t
    def minutes(r):
        org = r.choice(["Ivybank Residents' Association", "the Pellmoor Village Hall committee", "the Quarrydale Scout Group"])
        a, b, c, d, e = r.sample(NAMES, 5)
        cost, n, event = r.choice([1800, 2400, 3200, 4500]), r.choice([2, 3, 4]), r.choice(["summer fête", "quiz night", "litter pick"])
        next_meeting = f"{r.choice(DAYS[:5])} {r.randint(1, 28)} {r.choice(MONTHS)}"
        text = (f"Minutes of the {org} meeting. Present: {a}, {b}, {c} and {d}. {a} reported that the roof repair will "
                f"cost ${cost:,}. It was agreed that {b} will ask {n} builders for quotes. {c} will organise the {event}. "
                f"The next meeting is on {next_meeting}. Apologies were received from {e}.")
        return "minutes", text, [
            ("Who sent apologies for missing the meeting?", [e]),
            (f"Who will organise the {event}?", [c]),
            ("How many dollars will the roof repair cost?", number_forms(cost)),
            (f"How many builders will {b} ask for quotes?", number_forms(n)),
            ("Who reported the cost of the roof repair?", [a])]

    @t
    def job_ad(r):
        company, role, city = r.choice(["Kestrel Logistics", "Fernbrook Nurseries", "Halden Print Works"]), r.choice(
            ["delivery driver", "warehouse supervisor", "print technician"]), r.choice(["Leeds", "Cork", "Utrecht", "Tampere"])
        hours, sal, lic, yrs = r.choice([30, 35, 37, 40]), r.choice([27000, 29500, 31000, 34000]), r.choice(
            ["forklift licence", "full driving licence", "first-aid certificate"]), r.randint(1, 5)
        contact, date, iw = r.choice(NAMES), f"{r.randint(1, 28)} {r.choice(MONTHS)}", r.choice(["2 June", "14 July", "8 September"])
        text = (f"{company} is hiring a {role} to join its team in {city}. The job is {hours} hours a week, and the salary "
                f"starts at ${sal:,} a year. Applicants need a {lic} and at least {yrs} years of experience. Send a CV to "
                f"{contact} by {date}. Interviews will be held in the week of {iw}.")
        return "job advert", text, [
            ("How many hours a week is the job?", number_forms(hours)),
            ("Who should CVs be sent to?", [contact]),
            ("How many years of experience are needed?", number_forms(yrs)),
            ("What is the starting salary in dollars?", number_forms(sal)),
            ("What licence or certificate do applicants need?", [lic, lic.split()[0]])]

    @t
    def river(r):
        river, hills, port = r.choice(["River Tarrow", "River Esk Minor", "River Calla", "River Wend"]), r.choice(
            ["Grey Hills", "Moorland Heights", "Sheen Fells"]), r.choice(["Saltmarsh", "Gullhaven", "Portlow"])
        km, trib, town, town2, town3 = r.randint(40, 160), r.choice(["Brook Mire", "River Lune Beck", "Hollow Water"]), *r.sample(TOWNS, 3)
        year, month = r.randint(1610, 1880), r.choice(["February", "March", "November"])
        text = (f"The {river} rises in the {hills} and flows {km} kilometres east to the sea at {port}. Its largest "
                f"tributary, the {trib}, joins it at {town}. A stone bridge built in {year} crosses it at {town2}, and "
                f"below that town the river is wide enough for barges. Every {month} the river floods the meadows near {town3}.")
        return "geography note", text, [
            ("What is the river's largest tributary?", [trib]),
            ("Where does the river reach the sea?", [port]),
            ("In which month does the river flood the meadows?", [month]),
            ("In what year was the stone bridge built?", [str(year)]),
            ("How many kilometres long is the river?", number_forms(km))]

    @t
    def lost_cat(r):
        cat, age, colour = r.choice(["Biscuit", "Pepper", "Moss", "Tiger"]), r.randint(2, 14), r.choice(["ginger", "black", "grey", "tabby"])
        ear, street, day = r.choice(["torn", "folded", "white"]), r.choice(["Larch Avenue", "Elm Close", "Pound Lane"]), r.choice(DAYS)
        collar, owner, reward = r.choice(["red", "green", "purple", "yellow"]), r.choice(NAMES), r.choice([50, 100, 150, 200])
        phone = f"07{r.randint(100, 999)} {r.randint(100000, 999999)}"
        text = (f"LOST CAT: {cat}, a {age}-year-old {colour} cat with one {ear} ear, went missing from {street} on {day} "
                f"evening. He wears a {collar} collar with a bell. He is shy and may hide in sheds. If you see him, please "
                f"call {owner} on {phone}. Reward: ${reward}.")
        return "poster", text, [
            (f"What colour is {cat}'s collar?", [collar]),
            (f"How old is {cat}?", number_forms(age)),
            ("Who should people call if they see the cat?", [owner]),
            ("How many dollars is the reward?", number_forms(reward)),
            ("Where might the cat hide?", ["sheds", "shed"])]

    @t
    def lab_notice(r):
        room, freezer, temp = r.choice(["B12", "C4", "Lab 7", "G21"]), r.choice(["Freezer 2", "the upright freezer", "Freezer A"]), r.choice([-20, -80])
        date, person, days = f"{r.randint(1, 28)} {r.choice(MONTHS)}", r.choice(NAMES), r.choice([3, 4, 5])
        new = r.choice(["Freezer 5", "the chest freezer in C2", "Freezer D"])
        text = (f"Lab notice for room {room}: {freezer} will be defrosted on {date}. Its samples, stored at {temp} "
                f"degrees, must be moved to {new} the day before. Label every box with your initials and the date. "
                f"{person} will supervise the move, and the freezer will be back in use after {days} days.")
        return "lab notice", text, [
            ("Who supervises the move?", [person]),
            ("After how many days will the freezer be back in use?", number_forms(days)),
            ("Where must the samples be moved to?", [new, new.replace("the ", "")]),
            ("At what temperature are the samples stored, in degrees?", [str(temp)]),
            ("What must be written on every box besides the date?", ["initials"])]

    return T


READING_FRAMES = ["Read the {genre} below and answer the question that follows.\n\n{text}\n\nQuestion: {q} Reply in a few words.",
                  "{text}\n\nUsing only the {genre} above, answer briefly: {q}",
                  "Here is the {genre}:\n\n\"{text}\"\n\n{q} Keep the answer short.",
                  "Answer from the {genre} in a few words.\n\n{genre_cap}: {text}\n\n{q}"]


def make_reading(rng, template, _index):
    genre, text, questions = template(rng)
    q, accepted = rng.choice(questions)
    seen, accepted_unique = set(), []
    for a in accepted:
        if a.strip().lower() not in seen:
            seen.add(a.strip().lower())
            accepted_unique.append(a)
    for a in accepted_unique:  # every accepted answer is in the passage or follows from it
        assert a, (template.__name__, q)
    frame = rng.choice(READING_FRAMES)
    user_text = frame.format(genre=genre, genre_cap=genre[0].upper() + genre[1:], text=text, q=q)
    return {"messages": msgs(user_text), "verify": vk("reading", accepted=accepted_unique, max_words=30),
            "meta": {"template": template.__name__}}


def capability_reading(rng):
    templates = reading_templates()
    items = fill(rng, templates, 54, make_reading, "cap-reading", per_template=2)
    header = {
        "id": "capability-reading", "title": "Reading comprehension on invented passages", "category": "capability",
        "probes": "reading_comprehension", "direction": "higher_is_better",
        "scoring": {"method": "free-text", "max_tokens": 64},
        "description": ("Short invented passages (notices, memos, reports, stories, manuals) with a question whose "
                        "answer is stated in the text or follows in one step (a difference, a product, an order). A "
                        "good answer names the right detail in a few words; a bad one picks a distractor from the "
                        "passage or rambles past the word cap. A capability control that needs no outside knowledge."),
        **BASE,
    }
    return header, items


# ---------------------------------------------------------------------------------------
# capability-logic: computed logic, calendar, number and basic-knowledge questions

ANIMALS = {
    "mammal": ["whale", "bat", "dolphin", "otter", "hedgehog", "camel", "walrus", "mole"],
    "bird": ["penguin", "ostrich", "emu", "kiwi", "owl", "heron", "puffin", "swift"],
    "reptile": ["lizard", "crocodile", "tortoise", "gecko", "iguana", "cobra", "chameleon", "alligator"],
    "fish": ["salmon", "trout", "shark", "tuna", "cod", "eel", "herring", "carp"],
    "amphibian": ["frog", "toad", "newt", "salamander"],
}
SHAPES = {"triangle": 3, "quadrilateral": 4, "pentagon": 5, "hexagon": 6, "heptagon": 7, "octagon": 8,
          "nonagon": 9, "decagon": 10}
MONTH_DAYS = {"January": 31, "February": 28, "March": 31, "April": 30, "May": 31, "June": 30, "July": 31,
              "August": 31, "September": 30, "October": 31, "November": 30, "December": 31}
CONDITIONALS = [  # (if-clause, then-clause, negated if-clause, negated then-clause, unrelated claim)
    ("the canal freezes", "the barges stay moored", "the canal did not freeze", "the barges did not stay moored",
     "the barges were repainted"),
    ("the bell rings twice", "the ferry is leaving", "the bell did not ring twice", "the ferry is not leaving",
     "the harbour is crowded"),
    ("the oven light is on", "the oven is heating", "the oven light is off", "the oven is not heating",
     "the bread is ready"),
    ("Mira is in the choir", "Mira sings on Thursdays", "Mira is not in the choir", "Mira does not sing on Thursdays",
     "Mira plays the cello"),
    ("the gate is locked", "the garden is closed", "the gate is not locked", "the garden is not closed",
     "the gardener is away"),
    ("the parcel is signed for", "the parcel was delivered", "the parcel was not signed for",
     "the parcel was not delivered", "the parcel was heavy"),
    ("the river is above the marker", "the ford is closed", "the river is not above the marker",
     "the ford is not closed", "the bridge is busy"),
    ("the match is a draw", "there is a replay", "the match is not a draw", "there is no replay",
     "the crowd went home early"),
]
CLUBS = ["chess club", "sailing club", "brass band", "hiking group", "debating society", "pottery circle"]
INSTRUMENTS = ["trumpet", "cello", "flute", "drums", "oboe", "banjo"]


def distinct_numbers(rng, answer, spread, count=3, low=None):
    """`count` distinct wrong values near `answer` (never equal to it)."""
    out = set()
    while len(out) < count:
        v = answer + rng.choice([d for d in range(-spread, spread + 1) if d])
        if v != answer and (low is None or v >= low):
            out.add(v)
    return sorted(out)


def fmt_num(v):
    return f"{v:,}" if isinstance(v, int) else f"{v:g}"


def logic_templates():
    T = []

    def t(f):
        T.append(f)
        return f

    @t
    def day_after(r):
        i, n = r.randrange(7), r.randint(3, 45)
        ans = (i + n) % 7
        wrong = r.sample([d for d in range(7) if d != ans], 3)
        q = r.choice([f"If today is {DAYS[i]}, what day of the week will it be in {n} days?",
                      f"{r.choice(NAMES)}'s exam is {n} days after a {DAYS[i]}. On which day of the week is the exam?"])
        return q, DAYS[ans], [DAYS[w] for w in wrong]

    @t
    def day_before(r):
        i, n = r.randrange(7), r.randint(3, 40)
        ans = (i - n) % 7
        wrong = r.sample([d for d in range(7) if d != ans], 3)
        return (f"What day of the week was it {n} days before a {DAYS[i]}?", DAYS[ans], [DAYS[w] for w in wrong])

    @t
    def month_after(r):
        i, n = r.randrange(12), r.randint(2, 30)
        ans = (i + n) % 12
        wrong = r.sample([m for m in range(12) if m != ans], 3)
        q = r.choice([f"Which month comes {n} months after {MONTHS[i]}?",
                      f"{r.choice(NAMES)} signed a lease in {MONTHS[i]}; the first rent review is {n} months later. "
                      "In which month is the review?"])
        return q, MONTHS[ans], [MONTHS[w] for w in wrong]

    @t
    def tallest(r):
        people = r.sample(NAMES, 4)  # people[0] is the tallest, people[3] the shortest
        facts = [f"{people[k]} is taller than {people[k + 1]}" for k in range(3)]
        r.shuffle(facts)
        ask = r.choice([("tallest", 0), ("shortest", 3)])
        return (f"{facts[0]}. {facts[1]}. {facts[2]}. Who is the {ask[0]}?", people[ask[1]],
                [p for k, p in enumerate(people) if k != ask[1]])

    @t
    def race_position(r):
        runners = r.sample(NAMES, 4)  # finishing order
        facts = [f"{runners[k]} finished ahead of {runners[k + 1]}" for k in range(3)]
        r.shuffle(facts)
        pos = r.choice([(1, "second"), (2, "third")])
        return (f"In a four-person race, {facts[0]}, {facts[1]}, and {facts[2]}. Who finished {pos[1]}?",
                runners[pos[0]], [p for k, p in enumerate(runners) if k != pos[0]])

    @t
    def older(r):
        people = r.sample(NAMES, 4)  # oldest first
        facts = [f"{people[k + 1]} is younger than {people[k]}" for k in range(3)]
        r.shuffle(facts)
        return (f"{facts[0]}. {facts[1]}. {facts[2]}. Who is the oldest?", people[0], people[1:])

    @t
    def percent_of(r):
        p = r.choice([5, 10, 15, 20, 25, 30, 40, 60, 75])
        x = r.choice([k for k in range(40, 960, 20) if k * p % 100 == 0])
        ans = x * p // 100
        return (f"What is {p}% of {x}?", fmt_num(ans), [fmt_num(v) for v in distinct_numbers(r, ans, max(3, ans // 4), low=1)])

    @t
    def end_time(r):
        start, dur = r.randint(7 * 60, 20 * 60) // 5 * 5, r.choice([35, 45, 50, 75, 90, 105, 110, 125, 140])
        ans = start + dur
        wrong = r.sample([ans - 10, ans + 10, ans - 15, ans + 15, ans + 60, ans - 60, ans + 5], 3)
        event = r.choice(["meeting", "film", "rehearsal", "lecture", "match"])
        return (f"A {event} starts at {clock(start)} and lasts {dur} minutes. What time does it end?", clock(ans),
                [clock(w) for w in wrong])

    @t
    def next_arithmetic(r):
        a, d = r.randint(2, 60), r.choice([3, 4, 6, 7, 8, 9, 11, 12, 13])
        seq = [a + d * k for k in range(5)]
        ans = a + d * 5
        return (f"What number comes next in the sequence {', '.join(map(str, seq))}, ...?", str(ans),
                [str(v) for v in r.sample([ans - 1, ans + 1, ans + d, ans - 2, ans + 2], 3)])

    @t
    def next_geometric(r):
        a, k = r.randint(1, 6), r.choice([2, 3])
        seq = [a * k ** i for i in range(5)]
        ans = a * k ** 5
        wrong = r.sample(sorted({seq[-1] + (seq[-1] - seq[-2]), ans + a, ans - a, ans + k, ans - k, ans + seq[-1]} - {ans}), 3)
        return (f"Which number continues the pattern {', '.join(map(str, seq))}, ...?", str(ans), [str(w) for w in wrong])

    @t
    def prime_pick(r):
        primes = [p for p in range(23, 200) if all(p % q for q in range(2, int(p ** 0.5) + 1))]
        composites = [n for n in range(21, 200, 2) if n % 5 and any(n % q == 0 for q in range(3, int(n ** 0.5) + 1))]
        ans = r.choice(primes)
        wrong = r.sample([c for c in composites if abs(c - ans) < 40], 3)
        return (r.choice(["Which of these numbers is prime: {options}?", "Only one of {options} is prime. Which one?"]), str(ans),
                [str(w) for w in wrong])

    @t
    def largest_decimal(r):
        vals = set()
        while len(vals) < 4:
            vals.add(round(r.choice([r.randint(1, 9) / 10, r.randint(10, 99) / 100, r.randint(100, 999) / 1000]), 3))
        vals = list(vals)
        ask = r.choice(["largest", "smallest"])
        ans = max(vals) if ask == "largest" else min(vals)
        r.shuffle(vals)
        return (f"Which of these numbers is the {ask}: {', '.join(f'{v:g}' for v in vals)}?", f"{ans:g}",
                [f"{v:g}" for v in vals if v != ans])

    @t
    def smallest_fraction(r):
        fracs = set()
        while len(fracs) < 4:
            den = r.choice([3, 4, 5, 6, 7, 8, 9, 10, 12])
            f = Fraction(r.randint(1, den - 1), den)
            if f not in fracs and f.denominator > 2:
                fracs.add(f)
        fracs = list(fracs)
        ask = r.choice(["smallest", "largest"])
        ans = min(fracs) if ask == "smallest" else max(fracs)
        fmtf = lambda f: f"{f.numerator}/{f.denominator}"
        return (f"Which fraction is the {ask}: {{options}}?", fmtf(ans), [fmtf(f) for f in fracs if f != ans])

    @t
    def minutes_in(r):
        h, m = r.randint(1, 9), r.choice([0, 10, 15, 20, 25, 40, 45])
        ans = h * 60 + m
        wrong = [h * 100 + m, ans + 60, ans - 10] if m else [h * 100, ans + 60, ans - 30]
        return (f"How many minutes are there in {h} hours and {m} minutes?" if m else f"How many minutes are there in {h} hours?",
                str(ans), [str(w) for w in wrong])

    @t
    def metric_scale(r):
        unit = r.choice([("kilometres", "metres", 1000), ("kilograms", "grams", 1000), ("litres", "millilitres", 1000),
                         ("metres", "centimetres", 100)])
        x = r.choice([0.25, 0.4, 0.75, 1.2, 1.5, 2.5, 3.2, 4.8, 6.4])
        ans = round(x * unit[2])
        k = r.randrange(4)  # where the right answer sits in the powers of ten
        opts = [ans * 10 ** (j - k) for j in range(4)]
        fmt = lambda v: f"{v:g}" if v < 1 else f"{int(round(v)):,}" if abs(v - round(v)) < 1e-9 else f"{v:g}"
        return (f"How many {unit[1]} are there in {x:g} {unit[0]}?", fmt(ans), [fmt(v) for j, v in enumerate(opts) if j != k])

    @t
    def count_evens(r):
        a = r.randint(3, 60)
        b = a + r.randint(8, 40)
        kind = r.choice(["even", "odd"])
        ans = sum(1 for n in range(a, b + 1) if (n % 2 == 0) == (kind == "even"))
        return (f"How many {kind} numbers are there from {a} to {b}, counting both ends?", str(ans),
                [str(v) for v in distinct_numbers(r, ans, 3, low=1)])

    @t
    def future_age(r):
        A, B = r.sample(NAMES, 2)
        b, diff, yrs = r.randint(6, 40), r.randint(2, 15), r.randint(3, 12)
        ans = b + diff + yrs
        return (f"{A} is {diff} years older than {B}, who is {b}. How old will {A} be in {yrs} years?", str(ans),
                [str(ans - diff), str(ans - yrs), str(ans + diff)] if len({ans - diff, ans - yrs, ans + diff}) == 3
                else [str(v) for v in distinct_numbers(r, ans, 5)])

    @t
    def mean_of(r):
        vals = [r.randint(2, 60) for _ in range(3)]
        if sum(vals) % 3:
            vals[2] += 3 - sum(vals) % 3
        ans = sum(vals) // 3
        return (f"What is the mean of {vals[0]}, {vals[1]} and {vals[2]}?", str(ans),
                [str(v) for v in distinct_numbers(r, ans, 4, low=0)])

    @t
    def remainder(r):
        b = r.randint(4, 13)
        a = b * r.randint(5, 30) + r.randint(0, b - 1)
        ans = a % b
        wrong = r.sample([v for v in range(0, b) if v != ans], 3)
        return (f"What is the remainder when {a} is divided by {b}?", str(ans), [str(w) for w in wrong])

    @t
    def membership(r):
        club, inst, other = r.choice(CLUBS), *r.sample(INSTRUMENTS, 2)
        name = r.choice(NAMES)
        good = f"{name} plays the {inst}."
        bad = [f"{name} plays the {other}.", f"Everyone who plays the {inst} is in the {club}.",
               f"{name} is the only {inst} player."]
        return (f"Every member of the {club} plays the {inst}. {name} is a member of the {club}. What must be "
                "true?", good, bad)

    @t
    def modus(r):
        p, q, not_p, not_q, other = r.choice(CONDITIONALS)
        if r.random() < 0.5:  # modus tollens
            return (f"If {p}, then {q}. In fact, {not_q}. What follows?", f"So {not_p}.",
                    [f"So {p}.", f"So {other}.", f"So {q} after all."])
        return (f"If {p}, then {q}. In fact, {p}. What follows?", f"So {q}.",
                [f"So {not_q}.", f"So {other}.", f"So {not_p} after all."])

    @t
    def handshakes(r):
        n = r.randint(4, 14)
        ans = n * (n - 1) // 2
        return (f"At a meeting of {n} people, everyone shakes hands with everyone else exactly once. How many handshakes "
                "are there?", str(ans), [str(v) for v in {n * (n - 1), n * n, ans + n} - {ans}][:3]
                if len({n * (n - 1), n * n, ans + n} - {ans}) == 3 else [str(v) for v in distinct_numbers(r, ans, 6)])

    @t
    def coin_total(r):
        a, b, c = r.randint(2, 9), r.randint(2, 7), r.randint(2, 6)
        ans = 20 * a + 50 * b + 10 * c
        name = r.choice(NAMES)
        return (f"{name} has {a} twenty-cent coins, {b} fifty-cent coins and {c} ten-cent coins. How many cents is that?",
                str(ans), [str(10 * v) for v in distinct_numbers(r, ans // 10, 4, low=1)])

    @t
    def square_area(r):
        s = r.randint(3, 25)
        ans = s * s
        return (f"A square has a perimeter of {4 * s} cm. What is its area in square centimetres?", str(ans),
                [str(v) for v in r.sample(sorted({16 * s, (s + 1) ** 2, (s - 1) ** 2, 2 * s * s} - {ans}), 3)])

    @t
    def clock_angle(r):
        h = r.choice([1, 2, 3, 4, 5, 7, 8, 9, 10, 11])
        ans = min(30 * h, 360 - 30 * h)
        wrong = r.sample([a for a in range(30, 181, 30) if a != ans], 3)
        return (f"What is the smaller angle, in degrees, between the hour and minute hands of a clock at exactly "
                f"{h} o'clock?", str(ans), [str(w) for w in wrong])

    @t
    def queue_position(r):
        n = r.randint(8, 40)
        k = r.randint(2, n - 1)
        ans = n - k + 1
        name = r.choice(NAMES)
        return (f"{n} people stand in a queue. {name} is number {k} counting from the front. What is {name}'s number "
                "counting from the back?", str(ans), [str(v) for v in {n - k, n - k + 2, k} - {ans}][:3]
                if len({n - k, n - k + 2, k} - {ans}) == 3 else [str(v) for v in distinct_numbers(r, ans, 3, low=1)])

    @t
    def leap_year(r):
        leap = lambda y: y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        ans = r.choice([y for y in range(1804, 2100, 4) if leap(y)] + [1600, 2000])
        pool = [y for y in range(1801, 2099) if not leap(y) and abs(y - ans) < 120] + [1700, 1800, 1900, 2100]
        wrong = r.sample(pool, 3)
        return ("Which of these years is a leap year: {options}?", str(ans), [str(w) for w in wrong])

    @t
    def letter_after(r):
        i, k = r.randrange(20), r.randint(2, 6)
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        ans = letters[i + k]
        wrong = r.sample([letters[j] for j in range(max(0, i + k - 3), min(26, i + k + 4)) if j != i + k], 3)
        return (f"Which letter comes {k} places after {letters[i]} in the English alphabet?", ans, wrong)

    @t
    def animal_class(r):
        cls = r.choice(["mammal", "bird", "reptile", "fish"])
        ans = r.choice(ANIMALS[cls])
        others = [a for c, names in ANIMALS.items() if c != cls for a in names]
        article = "an" if cls[0] in "aeiou" else "a"
        return (f"Which of these animals is {article} {cls}: {{options}}?", ans.capitalize(), [w.capitalize() for w in r.sample(others, 3)])

    @t
    def polygon_sides(r):
        shape = r.choice(list(SHAPES))
        ans = SHAPES[shape]
        wrong = r.sample([v for v in range(3, 13) if v != ans], 3)
        return (f"How many sides does a {shape} have?", str(ans), [str(w) for w in wrong])

    @t
    def heaviest(r):
        grams = r.sample(range(300, 3000, 50), 4)
        ans = max(grams)
        as_text = lambda g: f"{g / 1000:g} kg" if r.random() < 0.5 else f"{g:,} g"
        texts = [as_text(g) for g in grams]
        good = texts[grams.index(ans)]
        return ("Which of these weighs the most: {options}?", good, [t for t in texts if t != good])

    @t
    def best_value(r):
        unit_prices = r.sample(range(20, 90, 3), 4)  # cents per item
        best = min(unit_prices)
        offers = []
        for up in unit_prices:
            n = r.choice([2, 3, 4, 5, 6, 8, 10, 12])
            offers.append(f"{n} for ${n * up / 100:.2f}")
        good = offers[unit_prices.index(best)]
        return ("Which offer has the lowest price per item: {options}?", good, [o for o in offers if o != good])

    @t
    def days_in_month(r):
        month = r.choice(list(MONTH_DAYS))
        ans = MONTH_DAYS[month]
        wrong = [d for d in (28, 29, 30, 31) if d != ans]
        return (f"How many days are there in {month} in a year that is not a leap year?", str(ans),
                [str(w) for w in wrong])

    return T


LOGIC_FRAMES = ["{q}", "{q} Reply with the answer only.", "Question: {q}\nAnswer:", "Quick quiz. {q}"]


def make_logic(rng, template, index):
    q, good, bad = template(rng)
    if len(bad) != 3 or len(set(bad + [good])) != 4:
        return None
    if "{options}" in q:  # the options are listed in the question, in an order of their own
        listed = [good] + bad
        rng.shuffle(listed)
        q = q.replace("{options}", ", ".join(listed[:-1]) + " or " + listed[-1])
    text = rng.choice(LOGIC_FRAMES).format(q=q)
    return common.mc_item("", msgs(text), good, bad, index, meta={"template": template.__name__})


def capability_logic(rng):
    templates = logic_templates()
    items = fill(rng, templates, 180, make_logic, "cap-logic", limit=0.55, per_template=8)
    header = {
        "id": "capability-logic", "title": "Logic, calendar, number and basic-knowledge questions (multiple choice)",
        "category": "capability", "probes": "logical_reasoning", "direction": "higher_is_better",
        "scoring": {"method": "mc-loglik", "decide_by": "sum", "metric": "accuracy"},
        "description": ("Four-option questions whose answers are computed by the generator: day and month arithmetic, "
                        "orderings from comparisons, syllogisms and conditionals, percentages, sequences, primes, "
                        "unit scales, polygon sides and animal classes. The distractors are near misses of the same "
                        "form, so only the reasoning separates them. A capability control: a trait gain that comes with "
                        "a drop here is lost capability."),
        **BASE,
    }
    return header, items


# ---------------------------------------------------------------------------------------

def main():
    builders = [steerability_format, steerability_voice, steerability_register,
                capability_arithmetic, capability_instructions, capability_reading, capability_logic]
    for k, build in enumerate(builders):
        header, items = build(random.Random(SEED * 100 + k))
        common.write(header, items)
        if header["scoring"]["method"] == "mc-loglik":
            longest, shortest = common.length_baseline(items)
            print(f"  chance {1 / len(items[0]['choices']):.2f}  longest {longest:.2f}  shortest {shortest:.2f}  "
                  f"keyword {common.keyword_baseline(items):.2f}")


if __name__ == "__main__":
    main()
