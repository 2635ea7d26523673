#!/usr/bin/env python3
"""Generate the standard verifiable tasks in data/tasks/ (the standard-RL share).

Deterministic: the same seed gives byte-identical files. Run from the repository root:

    python3 scripts/gen_tasks.py [--seed 7] [--out data/tasks]

Each kind's verifier lives in crates/ethos-core/src/verify.rs; docs/tasks.md describes
the parameters. Facts in FACTS were written and checked by hand.
"""
import argparse
import json
import os
import random

# (request, words a natural answer would use) -- the request is the base of format tasks.
TOPICS = [
    ("Explain how ocean tides work", ["moon", "gravity", "water"]),
    ("Describe how a bicycle gear system helps a rider climb hills", ["gear", "chain", "pedal"]),
    ("Give advice to someone preparing for their first job interview", ["interview", "prepare", "questions"]),
    ("Explain why the sky looks blue during the day", ["light", "scatter", "blue"]),
    ("Describe how to make a cup of tea properly", ["water", "tea", "boil"]),
    ("Explain what a budget is and why households use one", ["money", "spend", "income"]),
    ("Describe the water cycle", ["evaporation", "rain", "cloud"]),
    ("Explain how vaccines train the immune system", ["immune", "virus", "vaccine"]),
    ("Summarise the rules of chess for a beginner", ["king", "board", "pieces"]),
    ("Explain how a refrigerator keeps food cold", ["heat", "cold", "refrigerant"]),
    ("Describe a good routine for studying for exams", ["study", "exam", "break"]),
    ("Explain what inflation means for ordinary people", ["prices", "money", "inflation"]),
    ("Describe how bees make honey", ["bees", "nectar", "honey"]),
    ("Explain how a password manager keeps accounts safe", ["password", "encrypt", "account"]),
    ("Give tips for keeping a houseplant alive", ["water", "light", "plant"]),
    ("Explain why we have seasons on Earth", ["tilt", "sun", "summer"]),
    ("Describe how to change a flat bicycle tyre", ["tyre", "tube", "pump"]),
    ("Explain what photosynthesis does for a plant", ["light", "sugar", "leaves"]),
    ("Describe how a library organises its books", ["books", "shelf", "catalogue"]),
    ("Explain how compound interest grows savings", ["interest", "savings", "year"]),
    ("Give advice for a safe hike in the mountains", ["water", "map", "weather"]),
    ("Explain how an electric car differs from a petrol car", ["battery", "engine", "charge"]),
    ("Describe how to write a good thank-you note", ["thank", "note", "specific"]),
    ("Explain how the heart pumps blood", ["heart", "blood", "chambers"]),
    ("Describe the life cycle of a butterfly", ["caterpillar", "egg", "chrysalis"]),
    ("Explain what a computer's memory is used for", ["memory", "data", "programs"]),
    ("Give tips for sleeping better", ["sleep", "screen", "bed"]),
    ("Explain how recycling plastic works", ["plastic", "recycle", "melt"]),
    ("Describe what makes a good team meeting", ["meeting", "agenda", "time"]),
    ("Explain how earthquakes happen", ["plates", "fault", "energy"]),
    ("Describe how to plan a small vegetable garden", ["soil", "seeds", "sun"]),
    ("Explain how a search engine finds web pages", ["pages", "index", "links"]),
    ("Give advice for learning a new language", ["practice", "words", "speak"]),
    ("Explain how a rainbow forms", ["light", "raindrops", "colours"]),
    ("Describe how bread rises", ["yeast", "dough", "gas"]),
    ("Explain why regular exercise is good for health", ["exercise", "heart", "muscles"]),
    ("Describe how to prepare for a long car trip", ["car", "tyres", "fuel"]),
    ("Explain how a bank loan works", ["loan", "interest", "bank"]),
    ("Describe the main parts of a flower", ["petals", "stem", "pollen"]),
    ("Explain how solar panels make electricity", ["sunlight", "panel", "electricity"]),
    ("Give tips for giving a clear presentation", ["audience", "slides", "practice"]),
    ("Explain how volcanoes erupt", ["magma", "pressure", "lava"]),
    ("Describe how to care for a new puppy", ["puppy", "food", "training"]),
    ("Explain what a healthy breakfast might include", ["breakfast", "fruit", "protein"]),
    ("Describe how mail gets from a sender to a recipient", ["letter", "post", "address"]),
    ("Explain why leaves change colour in autumn", ["chlorophyll", "leaves", "autumn"]),
    ("Describe how to organise a cluttered desk", ["desk", "drawer", "papers"]),
    ("Explain how a thermometer measures temperature", ["temperature", "scale", "heat"]),
    ("Give advice for writing a short story", ["character", "story", "plot"]),
    ("Explain how airplanes stay in the air", ["wings", "lift", "air"]),
    ("Describe the benefits of reading every day", ["reading", "books", "vocabulary"]),
    ("Explain how a microwave oven heats food", ["microwaves", "water", "heat"]),
    ("Describe how to make a simple weekly meal plan", ["meals", "shopping", "week"]),
    ("Explain what causes thunder and lightning", ["lightning", "thunder", "charge"]),
    ("Give tips for saving money on groceries", ["list", "prices", "groceries"]),
    ("Explain how the internet sends data between computers", ["packets", "data", "network"]),
    ("Describe how coral reefs grow", ["coral", "reef", "ocean"]),
    ("Explain why drinking water matters for the body", ["water", "body", "hydration"]),
    ("Describe how to start running as a beginner", ["running", "shoes", "pace"]),
    ("Explain how a lock and key work", ["lock", "key", "pins"]),
    ("Describe what a museum curator does", ["museum", "exhibits", "collection"]),
    ("Explain how glaciers shape valleys", ["glacier", "ice", "valley"]),
    ("Give advice for a student moving away from home", ["budget", "friends", "cooking"]),
    ("Explain how a camera captures a photo", ["lens", "light", "sensor"]),
    ("Describe how cheese is made", ["milk", "cheese", "curds"]),
    ("Explain what a carbon footprint is", ["carbon", "emissions", "footprint"]),
    ("Describe how to set up a fish tank", ["tank", "fish", "filter"]),
    ("Explain how birds migrate long distances", ["birds", "migrate", "winter"]),
    ("Give tips for staying focused while working from home", ["focus", "work", "schedule"]),
    ("Explain how wind turbines generate power", ["wind", "blades", "turbine"]),
    ("Describe the job of a firefighter", ["fire", "rescue", "firefighters"]),
    ("Explain what DNA does in living things", ["dna", "genes", "cells"]),
    ("Describe how to fold a paper airplane", ["paper", "fold", "wings"]),
    ("Explain how a credit score is used", ["credit", "score", "loans"]),
    ("Describe how a city collects and treats waste water", ["water", "treatment", "pipes"]),
    ("Explain why the moon has phases", ["moon", "sunlight", "phases"]),
    ("Give advice for resolving a disagreement with a friend", ["listen", "friend", "apologise"]),
    ("Explain how muscles grow stronger with training", ["muscles", "training", "rest"]),
    ("Describe how a bill becomes a law in a parliament", ["bill", "vote", "law"]),
    ("Explain how a compass shows direction", ["magnetic", "north", "needle"]),
    ("Describe how to brew coffee with a French press", ["coffee", "press", "water"]),
    ("Explain how to read a nutrition label", ["calories", "label", "serving"]),
    ("Describe what happens during a solar eclipse", ["moon", "sun", "shadow"]),
    ("Give tips for taking care of your teeth", ["brush", "teeth", "floss"]),
    ("Explain how trains stay on their tracks", ["wheels", "rails", "flange"]),
    ("Describe how a spider builds a web", ["spider", "silk", "web"]),
    ("Explain what a spreadsheet is useful for", ["spreadsheet", "cells", "formulas"]),
    ("Describe how to welcome a new colleague to a team", ["colleague", "team", "introduce"]),
    ("Explain how soap removes dirt", ["soap", "water", "grease"]),
    ("Describe the role of a referee in football", ["referee", "rules", "fouls"]),
    ("Explain how a hot air balloon rises", ["hot", "air", "balloon"]),
    ("Give advice for keeping a journal", ["journal", "write", "daily"]),
    ("Explain how salt is produced from sea water", ["salt", "sea", "evaporate"]),
    ("Describe how to plan a birthday party on a budget", ["party", "budget", "guests"]),
    ("Explain why some animals hibernate", ["hibernate", "winter", "energy"]),
    ("Describe how a podcast is produced", ["podcast", "record", "edit"]),
    ("Explain how traffic lights are timed", ["traffic", "lights", "timing"]),
    ("Give tips for writing a clear email", ["email", "subject", "clear"]),
    ("Explain how a dam produces electricity", ["dam", "water", "turbines"]),
    ("Describe how wool becomes a sweater", ["wool", "yarn", "knit"]),
]

WORDS = ["lantern", "orbit", "harvest", "copper", "meadow", "signal", "velvet", "harbor", "maple", "thunder",
         "compass", "ribbon", "glacier", "pepper", "anchor", "violin", "canyon", "marble", "puzzle", "ember",
         "falcon", "garden", "island", "jasmine", "kettle", "ladder", "mosaic", "nectar", "oyster", "pillow",
         "quartz", "river", "saddle", "tunnel", "umbrella", "valley", "walnut", "yarn", "zephyr", "beacon"]

NAMES = ["Amara", "Ben", "Chen", "Dara", "Elif", "Femi", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena",
         "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Vera", "Wei", "Yusuf"]


def msg(text):
    return [{"role": "user", "content": text}]


def lower_first(text):
    return text[0].lower() + text[1:]


def gen_word_limit(rng, topic, _):
    hi = rng.choice([20, 25, 30, 40, 50, 60, 75, 100])
    lo = max(3, hi // 4)
    phrasing = rng.choice([
        f"{topic}. Answer in at most {hi} words.",
        f"In no more than {hi} words, {lower_first(topic)}.",
        f"{topic}. Keep your answer between {lo} and {hi} words.",
        f"{topic}, using {hi} words or fewer.",
    ])
    return phrasing, {"min_words": lo, "max_words": hi}


def gen_sentence_limit(rng, topic, _):
    n = rng.choice([1, 2, 3, 4, 5])
    if rng.random() < 0.5:
        noun = "sentence" if n == 1 else "sentences"
        return f"{topic} in exactly {n} {noun}.", {"min_sentences": n, "max_sentences": n}
    return f"{topic}. Use no more than {n} {'sentence' if n == 1 else 'sentences'}.", {"max_sentences": n}


def gen_required_words(rng, topic, _):
    words = rng.sample(WORDS, rng.choice([2, 3]))
    listed = ", ".join(f"'{w}'" for w in words[:-1]) + f" and '{words[-1]}'"
    phrasing = rng.choice([
        f"{topic}. Your answer must include the words {listed}.",
        f"{topic}, and work the words {listed} naturally into your answer.",
    ])
    return phrasing, {"words": words}


def gen_forbidden_words(rng, topic, keywords):
    words = keywords[: rng.choice([1, 2, 3])]
    listed = ", ".join(f"'{w}'" for w in words)
    phrasing = rng.choice([
        f"{topic} without using the word(s) {listed}.",
        f"{topic}. Do not use any of these words: {listed}.",
    ])
    return phrasing, {"words": words, "min_words": 15}


def gen_bullet_count(rng, topic, _):
    n = rng.choice([2, 3, 4, 5, 6, 7])
    phrasing = rng.choice([
        f"{topic}. Format your answer as exactly {n} bullet points using '- '.",
        f"{topic} in exactly {n} bullet points, and nothing else.",
    ])
    return phrasing, {"count": n}


JSON_OBJECTS = [
    ("a fictional book", ["title", "author", "year", "genre"]),
    ("a made-up city", ["name", "country", "population", "famous_for"]),
    ("a recipe for pancakes", ["name", "ingredients", "steps"]),
    ("an invented board game", ["name", "players", "goal", "duration_minutes"]),
    ("a fictional employee", ["name", "role", "department", "start_year"]),
    ("a planned weekend trip", ["destination", "days", "budget", "activities"]),
    ("an imaginary animal", ["name", "habitat", "diet", "size_cm"]),
    ("a school timetable slot", ["subject", "teacher", "room", "time"]),
    ("a product listing for a lamp", ["product", "price", "colour", "in_stock"]),
    ("a weather report for tomorrow", ["city", "high_c", "low_c", "conditions"]),
    ("a fictional film", ["title", "director", "year", "rating"]),
    ("a workout plan", ["exercise", "sets", "reps", "rest_seconds"]),
    ("a book review", ["book", "stars", "summary"]),
    ("a support ticket", ["id", "priority", "summary", "status"]),
    ("a song", ["title", "artist", "length_seconds"]),
]


def gen_json_keys(rng, _topic, _):
    thing, keys = rng.choice(JSON_OBJECTS)
    detail = rng.choice(["", " Use realistic values.", " Keep values short.", " Invent plausible details."])
    listed = ", ".join(f'"{k}"' for k in keys)
    phrasing = rng.choice([
        f"Describe {thing} as a JSON object with exactly these keys: {listed}.{detail} Output only the JSON.",
        f"Return only a JSON object for {thing}. It must have the keys {listed} and no others.{detail}",
    ])
    return phrasing, {"keys": keys, "exact": True}


def gen_lowercase(rng, topic, _):
    phrasing = rng.choice([
        f"{topic}. Write your entire answer in lowercase letters, with no capital letters at all.",
        f"Using only lowercase letters, {lower_first(topic)}.",
    ])
    return phrasing, {"min_words": 10}


STARTS = ["In short", "Here is the key idea", "To begin", "Simply put", "The answer is this", "Good question"]
ENDS = ["That is all.", "Hope this helps.", "End of answer.", "Any questions?", "Thanks for reading."]


def gen_start_end(rng, topic, _):
    mode = rng.choice(["start", "end", "both"])
    params, parts = {}, []
    if mode in ("start", "both"):
        params["start"] = rng.choice(STARTS)
        parts.append(f"Start your answer with the exact phrase '{params['start']}'.")
    if mode in ("end", "both"):
        params["end"] = rng.choice(ENDS)
        parts.append(f"End your answer with the exact phrase '{params['end']}' and write nothing after it.")
    return f"{topic}. " + " ".join(parts), params


def gen_no_commas(rng, topic, _):
    phrasing = rng.choice([
        f"{topic}. Do not use any commas in your answer.",
        f"Without using a single comma, {lower_first(topic)}.",
    ])
    return phrasing, {"min_words": 15}


def arithmetic_problem(rng):
    a, b, c = rng.randint(2, 40), rng.randint(2, 25), rng.randint(2, 12)
    name, other = rng.sample(NAMES, 2)
    templates = [
        (f"{name} buys {a} notebooks at ${b} each and pays with ${a * b + c * 5}. How much change does {name} get, in dollars?", c * 5),
        (f"A bakery makes {a * c} rolls and packs them into bags of {c}. How many bags does it fill?", a),
        (f"{name} reads {b} pages a day for {a} days, then {c} more pages on the last evening. How many pages is that in total?", a * b + c),
        (f"A train travels at {b * 4} km per hour for {c} hours. How many kilometres does it cover?", b * 4 * c),
        (f"{name} has {a + b + c} marbles, gives {a} to {other} and loses {b}. How many marbles are left?", c),
        (f"A class of {a + 10} students splits into teams of {c}, and any leftover students form one extra smaller team. How many teams are there?", -(-(a + 10) // c)),
        (f"Tickets cost ${b} for adults and ${c} for children. How much do {a} adults and {a + 3} children pay altogether?", a * b + (a + 3) * c),
        (f"A tank holds {a * 10} litres and drains at {a} litres per minute. After {c} minutes, how many litres remain?", a * 10 - a * c if c <= 10 else 0),
        (f"{name} earns ${b * 10} a week and saves a quarter of it. How much is saved over {c} weeks, in dollars?", b * 10 // 4 * c if (b * 10) % 4 == 0 else b * 10 / 4 * c),
        (f"A rectangle is {a} cm long and {b} cm wide. What is its area in square centimetres?", a * b),
        (f"A rectangle is {a} m long and {b} m wide. What is its perimeter in metres?", 2 * (a + b)),
        (f"{name} runs {c} laps of a {b * 50} m track. How many metres is that?", c * b * 50),
        (f"A shirt costs ${a * 10}. It is discounted by {rng.choice([10, 20, 25, 50])}%. What is the sale price in dollars?", None),
        (f"There are {a} boxes with {b} apples each. {c} apples are rotten and thrown away. How many good apples remain?", a * b - c),
        (f"{name} is {a + 20} years old and {other} is {c} years younger. How old will {other} be in {b} years?", a + 20 - c + b),
        (f"A printer prints {b * 3} pages per minute. How many minutes does it need for {b * 3 * c} pages?", c),
        (f"What is {a} multiplied by {b}, plus {c}?", a * b + c),
        (f"A recipe needs {c} eggs per cake. How many eggs are needed for {a} cakes?", a * c),
        (f"{name} had ${a * 5}, spent ${b} on lunch and ${c} on a bus ticket. How many dollars are left?", a * 5 - b - c),
        (f"A garden has {a} rows of {b} tulips and {c} rows of {b} daisies. How many flowers are there in all?", (a + c) * b),
    ]
    text, answer = rng.choice(templates)
    if answer is None:  # the discount template
        pct = int(text.split("by ")[1].split("%")[0])
        answer = a * 10 * (100 - pct) / 100
    if answer < 0:
        return arithmetic_problem(rng)
    suffix = rng.choice(["", " Show your working, then give the final answer.", " Give just the number.", " End with 'The answer is N'."])
    return text + suffix, answer


def gen_arithmetic(rng, _topic, _):
    text, answer = arithmetic_problem(rng)
    answer = float(answer)
    return text, {"answer": round(answer, 2), "tolerance": 0.01}


CONVERSIONS = [
    ("miles", "kilometres", "km", lambda x: x * 1.609344),
    ("kilometres", "miles", "mi", lambda x: x / 1.609344),
    ("kilograms", "pounds", "lb", lambda x: x * 2.2046226),
    ("pounds", "kilograms", "kg", lambda x: x * 0.45359237),
    ("degrees Celsius", "degrees Fahrenheit", "°F", lambda x: x * 9 / 5 + 32),
    ("degrees Fahrenheit", "degrees Celsius", "°C", lambda x: (x - 32) * 5 / 9),
    ("metres", "feet", "ft", lambda x: x / 0.3048),
    ("feet", "metres", "m", lambda x: x * 0.3048),
    ("inches", "centimetres", "cm", lambda x: x * 2.54),
    ("litres", "US gallons", "gal", lambda x: x / 3.785411784),
    ("US gallons", "litres", "L", lambda x: x * 3.785411784),
    ("hours", "minutes", "min", lambda x: x * 60),
    ("days", "hours", "h", lambda x: x * 24),
    ("ounces", "grams", "g", lambda x: x * 28.349523125),
    ("kilometres per hour", "metres per second", "m/s", lambda x: x / 3.6),
    ("metres per second", "kilometres per hour", "km/h", lambda x: x * 3.6),
    ("square metres", "square feet", "sq ft", lambda x: x * 10.763910417),
    ("hectares", "acres", "acres", lambda x: x * 2.4710538),
    ("minutes", "seconds", "s", lambda x: x * 60),
    ("tonnes", "kilograms", "kg", lambda x: x * 1000),
]


def gen_unit_conversion(rng, _topic, _):
    src, dst, unit, fn = rng.choice(CONVERSIONS)
    while True:
        value = rng.choice([rng.randint(2, 500), round(rng.uniform(1.5, 120), 1)])
        answer = fn(value)
        if abs(answer) >= 1:
            break
    phrasing = rng.choice([
        f"Convert {value} {src} to {dst}. Give the result rounded to two decimal places.",
        f"How many {dst} is {value} {src}? Answer with a number.",
        f"What is {value} {src} in {dst}?",
    ])
    return phrasing, {"answer": round(answer, 4), "unit": unit, "rel_tolerance": 0.01}


def gen_sort_list(rng, _topic, _):
    if rng.random() < 0.5:
        items = rng.sample(WORDS + [n.lower() for n in NAMES], rng.randint(4, 8))
        by = "alpha"
        what = "alphabetically"
    else:
        items = [str(x) for x in rng.sample(range(-50, 1000), rng.randint(4, 8))]
        by = "numeric"
        what = "by value"
    order = rng.choice(["ascending", "descending"])
    direction = {"alpha": {"ascending": "from A to Z", "descending": "from Z to A"},
                 "numeric": {"ascending": "from smallest to largest", "descending": "from largest to smallest"}}[by][order]
    phrasing = rng.choice([
        f"Sort these {what}, {direction}: {', '.join(items)}. Reply with the sorted list only, separated by commas.",
        f"Put the following in order {direction}: {', '.join(items)}.",
    ])
    return phrasing, {"items": items, "order": order, "by": by}


FACTS = [
    # capitals
    ("What is the capital of France?", ["Paris"]), ("What is the capital of Japan?", ["Tokyo"]),
    ("What is the capital of Australia?", ["Canberra"]), ("What is the capital of Canada?", ["Ottawa"]),
    ("What is the capital of Brazil?", ["Brasilia", "Brasília"]), ("What is the capital of Kenya?", ["Nairobi"]),
    ("What is the capital of Egypt?", ["Cairo"]), ("What is the capital of Germany?", ["Berlin"]),
    ("What is the capital of Italy?", ["Rome"]), ("What is the capital of Spain?", ["Madrid"]),
    ("What is the capital of Portugal?", ["Lisbon"]), ("What is the capital of Norway?", ["Oslo"]),
    ("What is the capital of Sweden?", ["Stockholm"]), ("What is the capital of Finland?", ["Helsinki"]),
    ("What is the capital of Poland?", ["Warsaw"]), ("What is the capital of Greece?", ["Athens"]),
    ("What is the capital of Turkey?", ["Ankara"]), ("What is the capital of India?", ["New Delhi", "Delhi"]),
    ("What is the capital of China?", ["Beijing"]), ("What is the capital of South Korea?", ["Seoul"]),
    ("What is the capital of Thailand?", ["Bangkok"]), ("What is the capital of Vietnam?", ["Hanoi"]),
    ("What is the capital of Indonesia?", ["Jakarta"]), ("What is the capital of Argentina?", ["Buenos Aires"]),
    ("What is the capital of Chile?", ["Santiago"]), ("What is the capital of Peru?", ["Lima"]),
    ("What is the capital of Mexico?", ["Mexico City"]), ("What is the capital of Ireland?", ["Dublin"]),
    ("What is the capital of Austria?", ["Vienna"]), ("What is the capital of Hungary?", ["Budapest"]),
    ("What is the capital of the Czech Republic?", ["Prague"]), ("What is the capital of Denmark?", ["Copenhagen"]),
    ("What is the capital of the Netherlands?", ["Amsterdam"]), ("What is the capital of Belgium?", ["Brussels"]),
    ("What is the capital of Switzerland?", ["Bern", "Berne"]), ("What is the capital of Russia?", ["Moscow"]),
    ("What is the capital of Ukraine?", ["Kyiv", "Kiev"]), ("What is the capital of Nigeria?", ["Abuja"]),
    ("What is the capital of Ghana?", ["Accra"]), ("What is the capital of Ethiopia?", ["Addis Ababa"]),
    ("What is the capital of Morocco?", ["Rabat"]), ("What is the capital of Saudi Arabia?", ["Riyadh"]),
    ("What is the capital of Iran?", ["Tehran"]), ("What is the capital of Pakistan?", ["Islamabad"]),
    ("What is the capital of Bangladesh?", ["Dhaka"]), ("What is the capital of New Zealand?", ["Wellington"]),
    ("What is the capital of the Philippines?", ["Manila"]), ("What is the capital of Colombia?", ["Bogota", "Bogotá"]),
    ("What is the capital of Cuba?", ["Havana"]), ("What is the capital of Iceland?", ["Reykjavik", "Reykjavík"]),
    # chemistry
    ("What is the chemical symbol for gold?", ["Au"]), ("What is the chemical symbol for silver?", ["Ag"]),
    ("What is the chemical symbol for iron?", ["Fe"]), ("What is the chemical symbol for sodium?", ["Na"]),
    ("What is the chemical symbol for potassium?", ["K"]), ("What is the chemical symbol for lead?", ["Pb"]),
    ("What is the chemical symbol for copper?", ["Cu"]), ("What is the chemical symbol for mercury?", ["Hg"]),
    ("What is the chemical symbol for tin?", ["Sn"]), ("What is the chemical symbol for helium?", ["He"]),
    ("Which element has the atomic number 1?", ["hydrogen"]), ("Which element has the atomic number 6?", ["carbon"]),
    ("Which element has the atomic number 8?", ["oxygen"]), ("Which element has the atomic number 26?", ["iron"]),
    ("What is the chemical formula of water?", ["H2O"]), ("What gas do plants absorb from the air for photosynthesis?", ["carbon dioxide", "CO2"]),
    ("Which gas makes up most of Earth's atmosphere?", ["nitrogen"]),
    # astronomy and earth
    ("Which planet is closest to the Sun?", ["Mercury"]), ("Which planet is the largest in our solar system?", ["Jupiter"]),
    ("Which planet is known as the Red Planet?", ["Mars"]), ("Which planet has the most famous ring system?", ["Saturn"]),
    ("How many planets are in our solar system?", ["eight", "8"]), ("What is the largest ocean on Earth?", ["Pacific"]),
    ("What is the longest river in South America?", ["Amazon"]), ("What is the highest mountain above sea level?", ["Everest"]),
    ("What is the largest hot desert in the world?", ["Sahara"]), ("On which continent is Egypt mostly located?", ["Africa"]),
    ("What is the largest continent by area?", ["Asia"]), ("What is the smallest continent by area?", ["Australia", "Oceania"]),
    ("What is the name of Earth's natural satellite?", ["the Moon", "Moon"]),
    # literature and arts
    ("Who wrote 'Romeo and Juliet'?", ["Shakespeare"]), ("Who wrote 'Pride and Prejudice'?", ["Austen"]),
    ("Who wrote 'Nineteen Eighty-Four'?", ["Orwell"]), ("Who wrote 'War and Peace'?", ["Tolstoy"]),
    ("Who wrote 'Don Quixote'?", ["Cervantes"]), ("Who wrote 'The Odyssey', according to tradition?", ["Homer"]),
    ("Who wrote 'Moby-Dick'?", ["Melville"]), ("Who wrote 'Things Fall Apart'?", ["Achebe"]),
    ("Who wrote 'One Hundred Years of Solitude'?", ["Garcia Marquez", "García Márquez", "Marquez", "Márquez"]),
    ("Who wrote 'Frankenstein'?", ["Mary Shelley", "Shelley"]), ("Who wrote 'The Divine Comedy'?", ["Dante"]),
    ("Who painted the 'Mona Lisa'?", ["Leonardo", "da Vinci"]), ("Who painted 'The Starry Night'?", ["Van Gogh"]),
    ("Who composed the 'Moonlight Sonata'?", ["Beethoven"]), ("Who composed 'The Magic Flute'?", ["Mozart"]),
    ("Who painted the ceiling of the Sistine Chapel?", ["Michelangelo"]), ("Who composed 'The Four Seasons'?", ["Vivaldi"]),
    # science and maths
    ("What is the boiling point of water at sea level in degrees Celsius?", ["100"]),
    ("What is the freezing point of water in degrees Fahrenheit?", ["32"]),
    ("How many sides does a hexagon have?", ["six", "6"]), ("How many sides does an octagon have?", ["eight", "8"]),
    ("How many degrees are in a right angle?", ["90", "ninety"]), ("What is the square root of 144?", ["12", "twelve"]),
    ("How many degrees do the angles of a triangle add up to?", ["180"]), ("What is 7 squared?", ["49"]),
    ("What is the smallest prime number?", ["2", "two"]), ("How many minutes are in an hour?", ["60", "sixty"]),
    ("How many bones are in the adult human body?", ["206"]), ("What organ pumps blood around the body?", ["heart"]),
    ("What is the largest organ of the human body?", ["skin"]), ("What part of the cell contains most of its DNA?", ["nucleus"]),
    ("Who proposed the theory of general relativity?", ["Einstein"]), ("Who formulated the laws of motion and universal gravitation?", ["Newton"]),
    ("Who is known for the theory of evolution by natural selection?", ["Darwin"]), ("What force keeps the planets in orbit around the Sun?", ["gravity", "gravitation"]),
    ("What is the hardest natural substance?", ["diamond"]), ("What is the speed of light in a vacuum, in kilometres per second, roughly?", ["300,000", "300000", "299,792", "299792"]),
    ("How many chromosomes do humans typically have?", ["46"]), ("What is the main gas in the air we exhale that plants use?", ["carbon dioxide", "CO2"]),
    # history and general
    ("In which year did the Second World War end?", ["1945"]), ("In which year did humans first land on the Moon?", ["1969"]),
    ("Who was the first person to walk on the Moon?", ["Armstrong"]), ("In which year did the Berlin Wall fall?", ["1989"]),
    ("Which ancient civilisation built the pyramids of Giza?", ["Egyptian", "Egyptians", "Egypt"]),
    ("What currency is used in Japan?", ["yen"]), ("What currency is used in the United Kingdom?", ["pound", "sterling"]),
    ("What language has the most native speakers worldwide?", ["Mandarin", "Chinese"]), ("How many days are in a leap year?", ["366"]),
    ("How many players does a football (soccer) team have on the field?", ["11", "eleven"]),
    ("How many players are on a basketball team on the court at once?", ["5", "five"]),
    ("What is the largest mammal?", ["blue whale"]), ("What is the fastest land animal?", ["cheetah"]),
    ("Which animal is known as the king of the jungle?", ["lion"]), ("What do bees collect from flowers to make honey?", ["nectar"]),
    ("What is the primary language spoken in Brazil?", ["Portuguese"]), ("Which country gifted the Statue of Liberty to the United States?", ["France"]),
    ("Which instrument has 88 keys on a standard model?", ["piano"]), ("How many strings does a standard violin have?", ["4", "four"]),
    ("How many continents are there by the most common count?", ["7", "seven"]), ("How many hours are in a day?", ["24"]),
]


def gen_factual(rng, _topic, fact):
    question, accepted = fact
    suffix = rng.choice(["", " Answer briefly.", " Reply in one short sentence.", " Just give the answer."])
    return question + suffix, {"accepted": accepted, "max_words": 40}


def multi_step_problem(rng):
    """A word problem of three or four dependent steps; the answer is computed, not typed."""
    name, other = rng.sample(NAMES, 2)
    a, b, c, d = rng.randint(3, 12), rng.randint(4, 20), rng.randint(2, 9), rng.randint(2, 6)
    pct = rng.choice([10, 20, 25, 50])
    templates = [
        (f"{name} buys {a} notebooks at ${b} each and {c} pens at ${d} each, then pays with ${(a * b + c * d) // 10 * 10 + 20}. "
         f"How much change does {name} get, in dollars?",
         (a * b + c * d) // 10 * 10 + 20 - (a * b + c * d)),
        (f"A shop sells a jacket for ${b * 20}. It is reduced by {pct}%, and then a further ${c} voucher is taken off the reduced price. "
         f"What does the jacket cost, in dollars?",
         b * 20 * (100 - pct) / 100 - c),
        (f"A minibus carries {b} passengers. A school takes {a * b + c} pupils and {d} teachers on a trip, and every person needs a seat. "
         f"How many minibuses are needed?",
         -(-(a * b + c + d) // b)),
        (f"{name} works {c} hours a day for {d} days at ${b} per hour, and then spends a quarter of the earnings on rent. "
         f"How many dollars are left?",
         c * d * b * 3 / 4),
        (f"A tank holds {a * 100} litres. It is filled at {b} litres per minute for {c} minutes while a leak drains {d} litres per minute. "
         f"Starting empty, how many litres are in the tank after those {c} minutes?",
         min(a * 100, (b - d) * c) if b > d else 0),
        (f"{name} is {a + 20} years old. {other} is {c} years younger than {name}, and {other}'s sister is twice {other}'s age minus {d}. "
         f"How old is the sister?",
         2 * (a + 20 - c) - d),
        (f"A recipe for {d} people uses {b * d} grams of flour and {c * d} grams of sugar. How many grams of flour and sugar together "
         f"are needed to cook it for {d * a} people?",
         (b + c) * d * a),
        (f"A cyclist rides {b} km at {c * 5} km per hour and then {a} km at {d * 5} km per hour. How many minutes does the whole ride take?",
         b / (c * 5) * 60 + a / (d * 5) * 60),
        (f"A garden is {a + 5} m long and {b} m wide. A path {d} m wide runs along one long side inside the garden, and the rest is lawn. "
         f"Turf costs ${c} per square metre. How many dollars does turf for the lawn cost?",
         (a + 5) * (b - d) * c if b > d else None),
        (f"{name} saves ${b} in the first week and ${d} more each week than the week before. How many dollars are saved in {c + 2} weeks?",
         sum(b + d * k for k in range(c + 2))),
        (f"A factory packs {b} bottles per crate and {c} crates per pallet. An order of {a} pallets and {d} extra crates ships today. "
         f"How many bottles is that?",
         (a * c + d) * b),
        (f"A phone plan costs ${b} a month plus ${c} for each gigabyte above {d} GB. {name} used {d + a} GB this month. "
         f"What is the bill, in dollars?",
         b + c * a),
    ]
    text, answer = rng.choice(templates)
    if answer is None or answer < 0:
        return multi_step_problem(rng)
    suffix = rng.choice(["", " Show your working, then give the final answer.", " End with 'The answer is N'.",
                         " Explain each step briefly."])
    return text + suffix, answer


def gen_multi_step_arithmetic(rng, _topic, _):
    text, answer = multi_step_problem(rng)
    return text, {"answer": round(float(answer), 2), "tolerance": 0.01}


TOWNS = ["Harlow Bay", "Millbrook", "Eastfield", "Corran", "Westmere", "Ashby Vale", "Tollgate", "Fenwick"]
CLUBS = ["chess club", "community garden", "rowing club", "choir", "repair cafe", "astronomy society", "book club", "youth orchestra"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def gen_reading(rng, _topic, _):
    """A short invented passage and a question whose answer is stated or follows from it."""
    town, club = rng.choice(TOWNS), rng.choice(CLUBS)
    founder, chair, treasurer = rng.sample(NAMES, 3)
    year = rng.randint(1952, 2015)
    members0, members1 = rng.randint(8, 40), rng.randint(45, 160)
    month = rng.choice(MONTHS)
    venue = rng.choice(["the old library", "the fire station hall", "St Anne's school", "the harbour office", "the mill"])
    fee = rng.choice([5, 8, 10, 12, 15, 20])
    passage = (
        f"The {town} {club} was founded in {year} by {founder}, a retired teacher, with {members0} members. "
        f"For its first decade it met in {venue}, but it moved to the new community centre after a fire. "
        f"Today the club has {members1} members and is chaired by {chair}, while {treasurer} keeps the accounts. "
        f"Membership costs ${fee} a year, and the annual open day is held every {month}."
    )
    questions = [
        ("Who founded the club?", [founder]),
        ("Who is the club's treasurer?", [treasurer]),
        ("Who chairs the club today?", [chair]),
        ("In which month is the open day held?", [month]),
        ("Where did the club meet in its first decade?", [venue.replace("the ", "", 1)]),
        ("How many more members does the club have now than when it was founded?", [str(members1 - members0)]),
        ("In what year was the club founded?", [str(year)]),
        ("How much does membership cost per year, in dollars?", [str(fee)]),
        ("Why did the club move to the community centre?", ["fire"]),
        ("What was the founder's job before retiring?", ["teacher"]),
    ]
    question, accepted = rng.choice(questions)
    text = f"Read the passage and answer the question.\n\n{passage}\n\nQuestion: {question} Answer in a few words."
    return text, {"accepted": accepted, "max_words": 25}


def gen_multi_constraint(rng, topic, keywords):
    """Two to four format constraints on one answer, chosen so that they can all hold."""
    pool = ["word_limit", "required_words", "no_commas", "lowercase", "sentence_limit", "forbidden_words", "start_end"]
    kinds = rng.sample(pool, rng.choice([2, 3, 3, 4]))
    if "lowercase" in kinds and "start_end" in kinds:  # the start phrase has capitals
        kinds[kinds.index("start_end")] = next(k for k in pool if k not in kinds)
    constraints, parts = [], []
    for kind in kinds:
        if kind == "word_limit":
            hi = rng.choice([40, 50, 60, 80])
            constraints.append({"kind": kind, "params": {"min_words": 8, "max_words": hi}})
            parts.append(f"use at most {hi} words")
        elif kind == "required_words":
            words = rng.sample(WORDS, 2)
            constraints.append({"kind": kind, "params": {"words": words}})
            parts.append(f"include the words '{words[0]}' and '{words[1]}'")
        elif kind == "no_commas":
            constraints.append({"kind": kind, "params": {"min_words": 8}})
            parts.append("do not use any commas")
        elif kind == "lowercase":
            constraints.append({"kind": kind, "params": {"min_words": 8}})
            parts.append("write only in lowercase letters")
        elif kind == "sentence_limit":
            n = rng.choice([2, 3, 4])
            constraints.append({"kind": kind, "params": {"max_sentences": n}})
            parts.append(f"use no more than {n} sentences")
        elif kind == "forbidden_words":
            word = keywords[0]
            constraints.append({"kind": kind, "params": {"words": [word], "min_words": 8}})
            parts.append(f"never use the word '{word}'")
        elif kind == "start_end":
            start = rng.choice(STARTS)
            constraints.append({"kind": kind, "params": {"start": start}})
            parts.append(f"start with the exact phrase '{start}'")
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}" if len(parts) > 1 else parts[0]
    return f"{topic}. Follow all of these rules: {listed}.", {"constraints": constraints}


GENERATORS = {
    "word_limit": (gen_word_limit, 200), "sentence_limit": (gen_sentence_limit, 200),
    "required_words": (gen_required_words, 200), "forbidden_words": (gen_forbidden_words, 200),
    "bullet_count": (gen_bullet_count, 200), "json_keys": (gen_json_keys, 120),
    "lowercase": (gen_lowercase, 180), "start_end": (gen_start_end, 200), "no_commas": (gen_no_commas, 180),
    "arithmetic": (gen_arithmetic, 300), "unit_conversion": (gen_unit_conversion, 200),
    "sort_list": (gen_sort_list, 200), "factual": (gen_factual, None),
    "multi_step_arithmetic": (gen_multi_step_arithmetic, 300), "reading": (gen_reading, 200),
    "multi_constraint": (gen_multi_constraint, 240),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="data/tasks")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for kind, (gen, count) in GENERATORS.items():
        rng = random.Random(f"{args.seed}-{kind}")
        rows, seen = [], set()
        if kind == "factual":
            sources = [(None, fact) for fact in FACTS]
        else:
            sources = [(rng.choice(TOPICS), None) for _ in range(count * 20)]
        for topic, fact in sources:
            if len(rows) == (count or len(FACTS)):
                break
            text, params = gen(rng, topic[0] if topic else None, topic[1] if topic else fact)
            if text in seen:
                continue
            seen.add(text)
            rows.append({"id": f"{kind}-{len(rows) + 1:04d}", "kind": kind, "messages": msg(text), "params": params})
        path = os.path.join(args.out, f"{kind}.jsonl")
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
        total += len(rows)
        print(f"{kind:<16} {len(rows):>5}")
    print(f"{'total':<16} {total:>5}")


if __name__ == "__main__":
    main()
