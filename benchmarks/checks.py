"""How long the checks before publishing take on a 2,000-word post, and on the worst
16 kB bodies we know how to write (docs/checks.md).

    .venv/bin/python benchmarks/checks.py [runs]

Migrates a SQLite database of its own in a temporary folder, makes a center and a post
of 2,000 words in English (and, for the second figure, a Spanish version of 2,000 words
too), with links, headings, a picture and a few findings, then runs all the checks on it
`runs` times (default 30), each time with one word changed so that no cache of
textstat's answers it. Prints the median, 95th percentile and slowest time of one run.
The target: under 50 ms for the English post.

Then each body of WORST (16 kB each: one word or number repeated in a paragraph with no
full stop, many links in one sentence, quoted words or unclosed quotation marks, many
pictures with alternative text, a negation before every claim, invisible characters,
many short paragraphs) is checked as a post's body in its language, `runs` times: the
median wall-clock time of the slowest, and the CPU time of the costliest. The target:
under 200 ms.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ENGLISH = [
    "The first days without alcohol can be hard on the body and the mind.",
    "Our nurses check on you day and night, and a doctor sees you every morning.",
    "You can call your family in the evening, once the day's groups are over.",
    "Many people feel tired and restless at first, and that is normal.",
    "Sleep comes back slowly, often after a week or two of steady routine.",
    "Talk with your counselor about what helps you rest and what gets in the way.",
    "A short walk after lunch steadies your mood for the rest of the afternoon.",
    "Bring comfortable clothes, a list of your medicines and a few phone numbers.",
    "Every addict deserves respect, and treatment can help.",
    'Read more about detox in <a href="/services/">our services</a>.',
]
SPANISH = [
    "Los primeros días sin alcohol pueden ser difíciles para el cuerpo y la mente.",
    "Nuestro equipo de enfermería le acompaña de día y de noche.",
    "Puede llamar a su familia por la tarde, cuando terminen los grupos del día.",
    "Muchas personas se sienten cansadas e inquietas al principio, y es normal.",
    "El sueño vuelve poco a poco, a menudo después de una o dos semanas de rutina.",
    "Hable con su consejero sobre lo que le ayuda a descansar.",
    "Una caminata corta después del almuerzo mejora el ánimo de la tarde.",
    "Traiga ropa cómoda, una lista de sus medicinas y algunos números de teléfono.",
    "Ningún adicto es un caso perdido, y el tratamiento ayuda.",
    'Lea sobre la desintoxicación en <a href="/es/services/">nuestros servicios</a>.',
]


SIXTEEN_KB = 16 * 1024


def fill(piece, prefix="<p>", suffix="</p>"):
    """`piece` repeated to make a body of 16 kB."""
    return prefix + piece * ((SIXTEEN_KB - len(prefix) - len(suffix)) // len(piece)) + suffix


WORST = {
    "one stigma word": fill("addicts "),
    "one claim word": fill("cure "),
    "numbers": fill("1-888-555-0199 "),
    "numbers as sentences": fill("Call 1-888-555-0199. "),
    "a link per claim": fill('95% of our patients <a href="/x/">stay</a> '),
    "a negation per claim": fill("not a cure, "),
    "quoted words": fill("“addict” "),
    "unclosed quotation marks": fill("“addict "),
    "marked-up words": fill("<b>addict</b> "),
    "tel: links": fill('<a href="tel:+18885550199">call</a> '),
    "pictures": fill('<img src="/media/uploads/a.jpg" alt="We cure addicts">', "<p>", "</p>"),
    "invisible characters": fill("cu\u00adre \u0441ure "),
    "Spanish claims": fill("curamos garantizada "),
    "one long sentence": fill("word "),
    "short paragraphs": fill("<p>Addicts.</p>", "", ""),
}


def body(sentences, words, marker):
    parts, count, n = [], 0, 0
    while count < words:
        if n % 40 == 0:
            parts.append(f"<h2>Part {n // 40 + 1}</h2>")
        paragraph = " ".join(sentences[(n + i) % len(sentences)] for i in range(4))
        parts.append(f"<p>{paragraph}</p>")
        count += len(paragraph.split())
        n += 4
    parts.append(f'<p><img src="/media/uploads/garden.jpg" alt=""> {marker}.</p>')
    return "".join(parts)


def main(runs):
    folder = tempfile.mkdtemp(prefix="checks-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = folder
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "recovery_site.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from articles.models import Category, Post
    from facility.models import Center
    from plumbing.richtext import plain_text
    from website.checks.content import Context, check

    Center.objects.create(
        name="Bench center", slug="bench", is_main=True, street="1 Main St", city="Findlay",
        state="OH", postal_code="45840", phone="1-855-605-2135",
    )  # fmt: skip
    category = Category.objects.create(name="Bench", slug="bench")
    post = Post.objects.create(
        title="Your first week", slug="first-week", category=category,
        body=body(ENGLISH, 2000, "start"), status=Post.Status.DRAFT,
    )  # fmt: skip
    print(f"English words: {len(plain_text(post.body_en).split())}")

    def measure(with_spanish):
        times, cpus = [], []
        for run in range(runs + 1):
            post.body_en = body(ENGLISH, 2000, f"run {run} {with_spanish}")
            post.body_es = body(SPANISH, 2000, f"vuelta {run}") if with_spanish else None
            context = Context()
            started, cpu = time.perf_counter(), time.process_time()
            findings = check(post, context)
            elapsed = time.perf_counter() - started
            if run:  # the first run loads the hyphenation dictionaries and the rules
                times.append(elapsed * 1000)
                cpus.append((time.process_time() - cpu) * 1000)
            else:
                print(f"  first run (dictionaries loaded): {elapsed * 1000:.0f} ms")
        times.sort()
        p95 = times[min(len(times) - 1, round(len(times) * 0.95))]
        print(
            f"  {len(findings)} findings; median {statistics.median(times):.1f} ms, "
            f"95th percentile {p95:.1f} ms, slowest {times[-1]:.1f} ms over {runs} runs "
            f"(CPU median {statistics.median(cpus):.1f} ms)"
        )

    print("The post in English:")
    measure(False)
    print("The post in English and Spanish (2,000 words each):")
    measure(True)

    print(
        f"The worst 16 kB bodies ({runs} runs each; wall-clock median, and the CPU time this "
        "process used, which the other work on a shared machine does not inflate):"
    )
    slowest, costliest = (0, 0, ""), (0, 0, "")
    for name, html in WORST.items():
        field = "body_es" if name.startswith("Spanish") else "body_en"
        walls, cpus = [], []
        for run in range(runs):
            post.body_en = post.body_es = None
            setattr(post, field, html + f"<p>{run}</p>")
            started, cpu = time.perf_counter(), time.process_time()
            findings = check(post, Context())
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - started) * 1000)
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        slowest, costliest = max(slowest, (wall, cpu, name)), max(costliest, (cpu, wall, name))
        print(
            f"  {name}: {len(html)} bytes, {len(findings)} findings; "
            f"median {wall:.1f} ms (CPU {cpu:.1f} ms)"
        )
    print(f"  slowest: {slowest[2]}, median {slowest[0]:.1f} ms (CPU {slowest[1]:.1f} ms)")
    print(f"  most CPU: {costliest[2]}, {costliest[0]:.1f} ms (median {costliest[1]:.1f} ms)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
