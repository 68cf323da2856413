/*
 * test_core.c - unit tests of the pipeline stages and the public API:
 * UTF-8 and normalization, the arena, segmentation, terms, scoring and
 * selection, budgets, errors, out-of-memory at every allocation, the fixed
 * arena and its bound, determinism.
 *
 * Usage: test_core [ARTICLE] [WORD...]   (run from the repository root)
 * ARTICLE, a first argument holding a '/', is the text the budget, OOM,
 * fixed-arena and determinism tests summarize (default
 * tests/data/article.txt); the WORDs select tests by name as in
 * tests/harness.h (`test_core -l` lists them). Prints each failure, then
 * "N passed, N failed"; exits 1 on a failure, 2 on an unknown WORD.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "internal.h"

/* ---- helpers ------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long n;
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (char *)malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        buf[n] = 0;
    *len = (size_t)n;
    return buf;
}

/* The article of the command line, read once by the first test that asks;
 * NULL (counted as a failure) when it cannot be read. */
static const char *article_path = "tests/data/article.txt";
static char *article_text;
static int article_tried;
static size_t article_len;

static const char *article(size_t *len)
{
    if (!article_tried) {
        article_tried = 1;
        article_text = read_file(article_path, &article_len);
        if (!article_text) {
            harness_fail++;
            fprintf(stderr, "FAIL %s: test_core: cannot read %s\n",
                    harness_current, article_path);
        }
    }
    *len = article_len;
    return article_text;
}

/* The sentences of text joined with '|' (into a static buffer). */
static const char *split(const char *text, const char *lang)
{
    static char out[4096];
    brief_options o;
    brief_result *r = NULL;
    size_t i, n = 0;
    brief_options_init(&o);
    o.language = lang;
    o.input = BRIEF_INPUT_TEXT;
    if (brief_summarize(text, strlen(text), &o, &r) != BRIEF_OK)
        return "(error)";
    out[0] = 0;
    for (i = 0; i < r->sentence_count && n + 2 < sizeof out; i++) {
        const brief_sentence *s = &r->sentences[i];
        size_t len = s->length;
        if (n + len + 2 >= sizeof out)
            break;
        if (i)
            out[n++] = '|';
        memcpy(out + n, r->text + s->offset, len);
        n += len;
    }
    out[n] = 0;
    brief_result_free(r);
    return out;
}

/* ---- UTF-8 and characters -------------------------------------------------- */

static uint32_t dec1(const char *s, size_t len, size_t *adv)
{
    size_t i = 0;
    uint32_t cp = brief__utf8_next((const unsigned char *)s, len, &i);
    *adv = i;
    return cp;
}

static void test_utf8(void)
{
    size_t adv;
    unsigned char buf[4];
    CHECK_EQ_INT(dec1("A", 1, &adv), 'A');
    CHECK_EQ_INT(dec1("\xC3\xA9", 2, &adv), 0xE9);
    CHECK_EQ_INT(adv, 2);
    CHECK_EQ_INT(dec1("\xE2\x80\x99", 3, &adv), 0x2019);
    CHECK_EQ_INT(dec1("\xF0\x9F\x98\x80", 4, &adv), 0x1F600);
    /* invalid: each reads as U+FFFD and consumes one byte */
    CHECK_EQ_INT(dec1("\xC0\xAF", 2, &adv), 0xFFFD); /* overlong */
    CHECK_EQ_INT(adv, 1);
    CHECK_EQ_INT(dec1("\xE0\x80\xAF", 3, &adv), 0xFFFD); /* overlong */
    CHECK_EQ_INT(dec1("\xED\xA0\x80", 3, &adv), 0xFFFD); /* surrogate */
    CHECK_EQ_INT(adv, 1);
    CHECK_EQ_INT(dec1("\xE2\x82", 2, &adv), 0xFFFD);     /* truncated */
    CHECK_EQ_INT(adv, 1);
    CHECK_EQ_INT(dec1("\xF4\x90\x80\x80", 4, &adv), 0xFFFD); /* > 10FFFF */
    CHECK_EQ_INT(dec1("\xFF", 1, &adv), 0xFFFD);
    CHECK_EQ_INT(dec1("\x80", 1, &adv), 0xFFFD);
    CHECK_EQ_INT(brief__utf8_put(0xE9, buf), 2);
    CHECK(buf[0] == 0xC3 && buf[1] == 0xA9);
    CHECK_EQ_INT(brief__utf8_put(0x1F600, buf), 4);
    CHECK_EQ_INT(brief__utf8_put(0x110000, buf), 3); /* -> U+FFFD */
}

static void test_fold_and_class(void)
{
    CHECK_EQ_INT(brief__fold('A'), 'a');
    CHECK_EQ_INT(brief__fold(0xC9), 0xE9);   /* É */
    CHECK_EQ_INT(brief__fold(0x130 + 2), 0x133); /* Ĳ -> ĳ */
    CHECK_EQ_INT(brief__fold(0x3A3), 0x3C3); /* Σ */
    CHECK_EQ_INT(brief__fold(0x414), 0x434); /* Д */
    CHECK_EQ_INT(brief__fold(0xFF21), 0xFF41); /* full-width A */
    CHECK_EQ_INT(brief__fold(0x4E2D), 0x4E2D);
    CHECK_EQ_INT(brief__class(0xA0), BRIEF__C_SPACE);   /* NBSP */
    CHECK_EQ_INT(brief__class('\t'), BRIEF__C_SPACE);
    CHECK_EQ_INT(brief__class(0xFEFF), BRIEF__C_SPACE); /* BOM */
    CHECK_EQ_INT(brief__class('\r'), BRIEF__C_NEWLINE);
    CHECK_EQ_INT(brief__class(0x2028), BRIEF__C_NEWLINE);
    CHECK_EQ_INT(brief__class(0x4E2D), BRIEF__C_CJK);
    CHECK_EQ_INT(brief__class(0x3002), BRIEF__C_PUNCT);
    CHECK_EQ_INT(brief__class(0x439), BRIEF__C_LETTER);
    CHECK_EQ_INT(brief__class(0xFFFD), BRIEF__C_OTHER);
}

static void test_log(void)
{
    double v = brief__log(2.718281828459045);
    CHECK(v > 0.9999999999 && v < 1.0000000001);
    v = brief__log(1000.0);
    CHECK(v > 6.907755278 && v < 6.907755279);
    CHECK(brief__log(1.0) == 0.0);
    CHECK(brief__log(0.0) == 0.0);
}

/* brief__sqrt must be libm's sqrt bit for bit (IEEE 754 rounds sqrt
 * correctly): edge cases, small integers, and random bit patterns over the
 * whole positive range, subnormals included. The test links libm; the
 * library does not. */
static int same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void test_sqrt(void)
{
    static const double edge[] = {0.0, 1.0, 2.0, 3.0, 4.0, 0.25, 0.5, 1e-300,
                                  1e300, DBL_MAX, DBL_MIN, DBL_MIN / 3.0,
                                  4.9406564584124654e-324, DBL_EPSILON,
                                  1.0 + DBL_EPSILON, 1.0 - DBL_EPSILON / 2};
    unsigned long long x = 0x9E3779B97F4A7C15ull;
    size_t i, bad = 0;
    for (i = 0; i < sizeof edge / sizeof edge[0]; i++)
        bad += !same_bits(brief__sqrt(edge[i]), sqrt(edge[i]));
    for (i = 1; i <= 100000; i++)
        bad += !same_bits(brief__sqrt((double)i), sqrt((double)i));
    for (i = 0; i < 300000; i++) {
        double d;
        unsigned long long b;
        x ^= x << 13; /* xorshift64 */
        x ^= x >> 7;
        x ^= x << 17;
        b = x & 0x7FFFFFFFFFFFFFFFull;      /* positive */
        if ((b >> 52) == 0x7FF)
            b &= 0x7FEFFFFFFFFFFFFFull;     /* finite */
        memcpy(&d, &b, sizeof d);
        bad += !same_bits(brief__sqrt(d), sqrt(d));
    }
    CHECK_EQ_INT(bad, 0);
    /* frexp's stand-in in brief__log, on a subnormal */
    {
        double v = brief__log(DBL_MIN / 4.0);
        CHECK(v > -709.7828 && v < -709.7826); /* -1024 ln 2 */
    }
}

/* ---- arena ------------------------------------------------------------------- */

static void test_arena(void)
{
    brief__arena a;
    unsigned char fixed[256];
    void *p, *q;
    brief__arena_init(&a, NULL, NULL, 0);
    p = brief__alloc(&a, 3);
    q = brief__alloc(&a, 5);
    CHECK(p && q && ((size_t)p % BRIEF__ALIGN) == 0 &&
          ((size_t)q % BRIEF__ALIGN) == 0);
    p = brief__grow(&a, q, 5, 4000); /* the last block grows in place */
    CHECK(p == q);
    p = brief__alloc(&a, (size_t)1 << 20); /* beyond a block: a new one */
    CHECK(p != NULL);
    CHECK(brief__alloc(&a, (size_t)-1) == NULL);
    brief__arena_release(&a);
    CHECK(a.blocks == NULL);

    brief__arena_init(&a, NULL, fixed + 1, sizeof fixed - 1); /* unaligned */
    p = brief__alloc(&a, 100);
    CHECK(p && ((size_t)p % BRIEF__ALIGN) == 0);
    CHECK(brief__alloc(&a, 200) == NULL); /* no malloc in fixed mode */
    q = brief__alloc(&a, 16);
    CHECK(q != NULL);
    brief__arena_release(&a);
}

/* ---- segmentation ----------------------------------------------------------- */

static void test_segment(void)
{
    CHECK_EQ_STR(split("Hello World. My name is Jonas.", "en"),
                 "Hello World.|My name is Jonas.");
    CHECK_EQ_STR(split("Mr. Smith met Dr. Jones at 5 p.m. on Friday.", "en"),
                 "Mr. Smith met Dr. Jones at 5 p.m. on Friday.");
    CHECK_EQ_STR(split("I live in the U.S. How about you?", "en"),
                 "I live in the U.S.|How about you?");
    CHECK_EQ_STR(split("Revenue rose to $3.5 billion. Shares of Foo "
                       "(0100.HK) fell.", "en"),
                 "Revenue rose to $3.5 billion.|Shares of Foo (0100.HK) fell.");
    CHECK_EQ_STR(split("\"Stop!\" she said. He did.", "en"),
                 "\"Stop!\" she said.|He did.");
    CHECK_EQ_STR(split("He said \"it is over.\" Then he left.", "en"),
                 "He said \"it is over.\"|Then he left.");
    CHECK_EQ_STR(split("Mail jane.doe@example.com today. Or visit "
                       "https://example.com/a.html now.", "en"),
                 "Mail jane.doe@example.com today.|Or visit "
                 "https://example.com/a.html now.");
    CHECK_EQ_STR(split("Wait... what? Really?! Yes.", "en"),
                 "Wait... what?|Really?!|Yes.");
    /* CRLF, tabs and NBSP are whitespace; a BOM is not a sentence */
    CHECK_EQ_STR(split("\xEF\xBB\xBFOne line.\r\nTwo\tline\xC2\xA0here.", "en"),
                 "One line.|Two\tline\xC2\xA0here.");
    /* hard-wrapped text joins its lines */
    CHECK_EQ_STR(split("This sentence was wrapped\nat a fixed width by an "
                       "editor.\nAnd this one\nwas too.", "en"),
                 "This sentence was wrapped\nat a fixed width by an editor.|"
                 "And this one\nwas too.");
    /* German ordinals and abbreviations */
    CHECK_EQ_STR(split("Die Abstimmung vom 12. Juni war knapp. Wir "
                       "brauchen z. B. Wasser.", "de"),
                 "Die Abstimmung vom 12. Juni war knapp.|Wir brauchen z. B. "
                 "Wasser.");
    /* CJK full stops need no space */
    CHECK_EQ_STR(split("\xE3\x81\x93\xE3\x82\x8C\xE3\x80\x82\xE3\x81\x9D"
                       "\xE3\x82\x8C\xE3\x80\x82", "en"),
                 "\xE3\x81\x93\xE3\x82\x8C\xE3\x80\x82|\xE3\x81\x9D"
                 "\xE3\x82\x8C\xE3\x80\x82");
    /* Spanish inverted marks */
    CHECK_EQ_STR(split("\xC2\xBF" "C\xC3\xB3mo est\xC3\xA1? Bien.", "es"),
                 "\xC2\xBF" "C\xC3\xB3mo est\xC3\xA1?|Bien.");
    /* number designators before digits (regression: "No." split) */
    CHECK_EQ_STR(split("El corredor No. 103 lleg\xC3\xB3 cuarto.", "es"),
                 "El corredor No. 103 lleg\xC3\xB3 cuarto.");
    /* a short line that goes on in lower case is no heading */
    CHECK_EQ_STR(split("This is a sentence\ncut off by a PDF.", "en"),
                 "This is a sentence\ncut off by a PDF.");
    /* German dialogue turns opened with low quotes stay together */
    CHECK_EQ_STR(split("Er fragte: ,,Wann?\xE2\x80\x9D ,,Morgen\xE2\x80\x9C, "
                       "sagte sie. Dann ging er.", "de"),
                 "Er fragte: ,,Wann?\xE2\x80\x9D ,,Morgen\xE2\x80\x9C, sagte "
                 "sie.|Dann ging er.");
    /* numbered list items */
    CHECK_EQ_STR(split("1. The first item 2. The second item", "en"),
                 "1. The first item|2. The second item");
    /* in parentheses, roman too; not references ("[934] (2) (3).") */
    CHECK_EQ_STR(split("(i) the first point (ii) the second point (iii) "
                       "the third (iv) the fourth", "en"),
                 "(i) the first point|(ii) the second point|(iii) the "
                 "third|(iv) the fourth");
    CHECK_EQ_STR(split("(a) one thing (b) another thing", "en"),
                 "(a) one thing|(b) another thing");
    /* roman numerals with a period or a parenthesis (regression: "i. The
     * first item ii.|The second item"); a list of letters keeps "i." */
    CHECK_EQ_STR(split("i. The first item ii. The second item iii. The "
                       "third item iv. The fourth v. The fifth", "en"),
                 "i. The first item|ii. The second item|iii. The third "
                 "item|iv. The fourth|v. The fifth");
    CHECK_EQ_STR(split("i) One thing ii) Another thing", "en"),
                 "i) One thing|ii) Another thing");
    CHECK_EQ_STR(split("Do this: i. Wash it ii. Dry it", "en"),
                 "Do this: i. Wash it|ii. Dry it");
    /* markers without a period after a colon, inside a sentence
     * (regression: the fast-forward skipped them, one sentence); a
     * sentence's own enumeration (a comma before a marker, or before
     * "and") stays whole */
    CHECK_EQ_STR(split("Then do this: 1) Wash it 2) Dry it. Go on.", "en"),
                 "Then do this: 1) Wash it|2) Dry it.|Go on.");
    CHECK_EQ_STR(split("You will need: (1) A pen (2) Some paper", "en"),
                 "You will need: (1) A pen|(2) Some paper");
    CHECK_EQ_STR(split("Do this: a) wash it b) dry it. Go on.", "en"),
                 "Do this: a) wash it|b) dry it.|Go on.");
    CHECK_EQ_STR(split("Sie brauchen: 1) einen Zugang, 2) eine Adresse und "
                       "3) ein Dokument. Dann geht es.", "de"),
                 "Sie brauchen: 1) einen Zugang, 2) eine Adresse und 3) ein "
                 "Dokument.|Dann geht es.");
    CHECK_EQ_STR(split("Fans fall into two groups: (1) those who stayed, "
                       "and (2) those who left. Then more.", "en"),
                 "Fans fall into two groups: (1) those who stayed, and (2) "
                 "those who left.|Then more.");
    CHECK_EQ_STR(split("h. The eighth item i. The ninth item j. The tenth",
                       "en"),
                 "h. The eighth item|i. The ninth item|j. The tenth");
    CHECK_EQ_STR(split("Brown v. Board of Education was decided. It "
                       "mattered.", "en"),
                 "Brown v. Board of Education was decided.|It mattered.");
    CHECK_EQ_STR(split("(1) The owner [934] (2) (3). The loss", "en"),
                 "(1) The owner [934] (2) (3).|The loss");
    /* a list goes on with markers of its own kind only */
    CHECK_EQ_STR(split("(2) Siehe Internetrecht, 3. Aufl., S. 4.", "de"),
                 "(2) Siehe Internetrecht, 3. Aufl., S. 4.");
    /* an emoticon after an end goes with that sentence */
    CHECK_EQ_STR(split("Thanks for everything! :-) Then we went home.", "en"),
                 "Thanks for everything! :-)|Then we went home.");
    CHECK_EQ_STR(split("Wow! :-) and then it rained. The end! ;)", "en"),
                 "Wow! :-) and then it rained.|The end! ;)");
    /* a heading run into the text: a capitalized article, then lower case */
    CHECK_EQ_STR(split("Chuva forte atrasa o metr\xC3\xB4 O tr\xC3\xA2nsito "
                       "ficou lento.", "pt"),
                 "Chuva forte atrasa o metr\xC3\xB4|O tr\xC3\xA2nsito "
                 "ficou lento.");
    CHECK_EQ_STR(split("Nieve en la sierra Los vecinos esperan.", "es"),
                 "Nieve en la sierra|Los vecinos esperan.");
    /* Portuguese: also before a name, which a sentence writes with a
     * lower-case article ("o Santos"); after a number too */
    CHECK_EQ_STR(split("T\xC3\xA9\x63nico diz que falta talento ao Santos O "
                       "Santos volta a viver um clima tenso.", "pt"),
                 "T\xC3\xA9\x63nico diz que falta talento ao Santos|O Santos "
                 "volta a viver um clima tenso.");
    CHECK_EQ_STR(split("Pedro Ivo, tel. 289-3609 O restaurante abre cedo.",
                       "pt"),
                 "Pedro Ivo, tel. 289-3609|O restaurante abre cedo.");
    /* but not a one-letter label ("A" the letter) before a function word */
    CHECK_EQ_STR(split("Ele lidera a S\xC3\xA9rie A do campeonato com folga.",
                       "pt"),
                 "Ele lidera a S\xC3\xA9rie A do campeonato com folga.");
    /* Spanish keeps a name's article capitalized: "El Mundo" goes on */
    CHECK_EQ_STR(split("Lo public\xC3\xB3 ayer El Mundo en portada.", "es"),
                 "Lo public\xC3\xB3 ayer El Mundo en portada.");
    /* a listed abbreviation in capitals is an acronym before a capitalized
     * word ("pp." pages, "PP" a party); a heading in capitals goes on */
    CHECK_EQ_STR(split("Foi eleito pelo PP. Paix\xC3\xA3o \xC3\xA9 irm\xC3\xA3o "
                       "dele. Veja as pp. 5 e 6.", "pt"),
                 "Foi eleito pelo PP.|Paix\xC3\xA3o \xC3\xA9 irm\xC3\xA3o "
                 "dele.|Veja as pp. 5 e 6.");
    CHECK_EQ_STR(split("DR. J. SMITH VISITS THE CITY. He came.", "en"),
                 "DR. J. SMITH VISITS THE CITY.|He came.");
    /* but not a title: capitals go on, or a function word comes before */
    CHECK_EQ_STR(split("Ele leu o jornal O Globo ontem.", "pt"),
                 "Ele leu o jornal O Globo ontem.");
    CHECK_EQ_STR(split("Cantamos las canciones de Un mar de fueguitos.", "es"),
                 "Cantamos las canciones de Un mar de fueguitos.");
    /* nor a polite pronoun, nor in English */
    CHECK_EQ_STR(split("Grazie di essere venuto Lei \xC3\xA8 il benvenuto.",
                       "it"),
                 "Grazie di essere venuto Lei \xC3\xA8 il benvenuto.");
    /* Portuguese and Swedish: any capitalized function word shows it
     * (modern Swedish writes "du" in lower case) */
    CHECK_EQ_STR(split("Chuva atrasa os voos Depois das oito tudo parou.",
                       "pt"),
                 "Chuva atrasa os voos|Depois das oito tudo parou.");
    CHECK_EQ_STR(split("Skriva ut en rapport Du kan skriva ut den.", "sv"),
                 "Skriva ut en rapport|Du kan skriva ut den.");
    CHECK_EQ_STR(split("Vi tog bussen Efter en timme kom vi fram.", "sv"),
                 "Vi tog bussen|Efter en timme kom vi fram.");
    /* but not in Spanish, which leaves titles in sentence case */
    CHECK_EQ_STR(split("Lee el libro titulado Cuando la tarde cae.", "es"),
                 "Lee el libro titulado Cuando la tarde cae.");
    /* after a quote or bracket closed on a plain word, after capitals */
    CHECK_EQ_STR(split("Ela disse \"vamos embora\" Ele ficou calado.", "pt"),
                 "Ela disse \"vamos embora\"|Ele ficou calado.");
    CHECK_EQ_STR(split("Ponte nova aberta (foto) A obra custou caro.", "pt"),
                 "Ponte nova aberta (foto)|A obra custou caro.");
    CHECK_EQ_STR(split("Prefeito visita o DF O encontro durou pouco.", "pt"),
                 "Prefeito visita o DF|O encontro durou pouco.");
    CHECK_EQ_STR(split("NOVAS TAXAS O governo sobe o imposto.", "pt"),
                 "NOVAS TAXAS|O governo sobe o imposto.");
    CHECK_EQ_STR(split("Take vitamin A daily.", "en"),
                 "Take vitamin A daily.");
    /* a list's last word without its period, then a capital */
    CHECK_EQ_STR(split("Vi k\xC3\xB6pte p\xC3\xA4ron osv Sedan gick vi.", "sv"),
                 "Vi k\xC3\xB6pte p\xC3\xA4ron osv|Sedan gick vi.");
    /* Romance colons: a capitalized function word after one opens a
     * sentence; lower case or a name goes on */
    CHECK_EQ_STR(split("Il sindaco era chiaro: Il progetto parte domani.", "it"),
                 "Il sindaco era chiaro:|Il progetto parte domani.");
    CHECK_EQ_STR(split("Il sindaco era chiaro: il progetto parte.", "it"),
                 "Il sindaco era chiaro: il progetto parte.");
    CHECK_EQ_STR(split("Ha vinto la gara: Rossi era primo.", "it"),
                 "Ha vinto la gara: Rossi era primo.");
    /* a label before the colon; a name running on through "Un" */
    CHECK_EQ_STR(split("Question: La r\xC3\xA9ponse est non.", "fr"),
                 "Question: La r\xC3\xA9ponse est non.");
    CHECK_EQ_STR(split("Hier Kim Jong Un a parl\xC3\xA9.", "fr"),
                 "Hier Kim Jong Un a parl\xC3\xA9.");
    /* Portuguese: a quotation after a colon is a sentence of its own
     * (not after a label, nor in Spanish) */
    CHECK_EQ_STR(split("O ministro foi claro: \xC2\xABN\xC3\xA3o haver\xC3\xA1 "
                       "aumento.\xC2\xBB", "pt"),
                 "O ministro foi claro:|\xC2\xABN\xC3\xA3o haver\xC3\xA1 "
                 "aumento.\xC2\xBB");
    CHECK_EQ_STR(split("Ministro: \xC2\xABN\xC3\xA3o.\xC2\xBB", "pt"),
                 "Ministro: \xC2\xABN\xC3\xA3o.\xC2\xBB");
    CHECK_EQ_STR(split("El ministro fue claro: \xC2\xABNo habr\xC3\xA1 "
                       "subida.\xC2\xBB", "es"),
                 "El ministro fue claro: \xC2\xABNo habr\xC3\xA1 "
                 "subida.\xC2\xBB");
}

/* The middle one of the three sentences of doc is a prompt: it scores
 * near zero and is not chosen for a two-sentence brief. */
static void check_prompt_scored_down(const char *doc)
{
    brief_result *r = NULL;
    brief_options o;
    brief_options_init(&o);
    o.max_sentences = 2;
    CHECK_EQ_INT(brief_summarize(doc, strlen(doc), &o, &r), BRIEF_OK);
    if (!r)
        return;
    CHECK_EQ_INT(r->sentence_count, 3);
    CHECK(r->sentences[1].score < 0.01 * r->sentences[2].score);
    CHECK(!(r->sentences[1].flags & BRIEF_SENTENCE_CHOSEN));
    brief_result_free(r);
}

/* Caption run-ons and prompt lines (segment.c, emit_body()). */
static void test_captions(void)
{
    const char *runon =
        "A driver has been arrested after crashing into a fountain outside "
        "the town hall in Paris (pictured) The driver, who was not hurt, "
        "told police that his brakes had failed as he came down the hill.";
    const char *doc =
        "The council voted on Tuesday to build a solar farm on the old rail "
        "yard, ending a long fight over the site.\n\n"
        "Scroll down for video.\n\n"
        "The state must still approve the plan before work can begin on the "
        "site next summer.\n";
    /* a caption run into a sentence of over 30 words: cut before the
     * capitalized function word */
    CHECK_EQ_STR(split(runon, "en"),
                 "A driver has been arrested after crashing into a fountain "
                 "outside the town hall in Paris (pictured)|The driver, who "
                 "was not hurt, told police that his brakes had failed as he "
                 "came down the hill.");
    /* a prompt glued to the text is a sentence of its own */
    CHECK_EQ_STR(split("Scroll down for video A young woman told the court "
                       "on Monday that she was scared.", "en"),
                 "Scroll down for video|A young woman told the court on "
                 "Monday that she was scared.");
    CHECK_EQ_STR(split("Click here for the latest news on the vote.", "en"),
                 "Click here for the latest news on the vote.");
    /* short: no evidence of a run-on; a title of a work, a newspaper */
    CHECK_EQ_STR(split("She knew it was wrong She said so.", "en"),
                 "She knew it was wrong She said so.");
    CHECK_EQ_STR(split("The dress worn by Vivien Leigh in the classic 1939 "
                       "film Gone With the Wind has fetched $137,000 at an "
                       "auction in Beverly Hills, California, on Saturday "
                       "night after a long bidding war between two "
                       "collectors.", "en"),
                 "The dress worn by Vivien Leigh in the classic 1939 film "
                 "Gone With the Wind has fetched $137,000 at an auction in "
                 "Beverly Hills, California, on Saturday night after a long "
                 "bidding war between two collectors.");
    CHECK_EQ_STR(split("The minister told reporters outside the building in "
                       "London on Tuesday evening that he had read about the "
                       "plan in The Sun newspaper and that the details "
                       "given there were wrong.", "en"),
                 "The minister told reporters outside the building in "
                 "London on Tuesday evening that he had read about the plan "
                 "in The Sun newspaper and that the details given there "
                 "were wrong.");
    /* a line break before the capitalized function word is enough */
    CHECK_EQ_STR(split("Fire crews at the scene of the blaze on the estate "
                       "in the north of the city late on Sunday night\n"
                       "The fire started in a kitchen.", "en"),
                 "Fire crews at the scene of the blaze on the estate in the "
                 "north of the city late on Sunday night|The fire started "
                 "in a kitchen.");
    /* a prompt line scores near zero and is never chosen before text */
    check_prompt_scored_down(doc);
    /* the opening makes a prompt, not its length (21 words here) */
    check_prompt_scored_down(
        "The council voted on Tuesday to build a solar farm on the old "
        "rail yard, ending a long fight over the site.\n\n"
        "Click on the link under the photograph to read the plan, and "
        "then scroll down to see what the neighbours have to say.\n\n"
        "The state must still approve the plan before work can begin on "
        "the site next summer.\n");
}

/* A sentence over 60 words (BRIEF__LONG_WORDS) is taken only when nothing
 * shorter can fill the brief: here the long one carries every term of the
 * text, and would score best. */
static void test_long_sentences(void)
{
    const char *doc =
        "The council approved the solar farm on the old rail yard.\n\n"
        "The solar farm on the rail yard was approved by the council after "
        "the council heard that the solar farm would power the rail yard, "
        "the council offices and the homes beside the rail yard, that the "
        "solar farm would be built by the council on land the council owns "
        "at the rail yard, and that the solar farm would pay for itself in "
        "ten years according to the council.\n\n"
        "Work on the farm will start next spring.\n";
    const char *one =
        "The solar farm on the rail yard was approved by the council after "
        "the council heard that the solar farm would power the rail yard, "
        "the council offices and the homes beside the rail yard, that the "
        "solar farm would be built by the council on land the council owns "
        "at the rail yard, and that the solar farm would pay for itself in "
        "ten years according to the council.";
    brief_result *r = NULL;
    brief_options o;
    size_t i, best = 0;
    brief_options_init(&o);
    o.max_sentences = 1;
    CHECK_EQ_INT(brief_summarize(doc, strlen(doc), &o, &r), BRIEF_OK);
    if (!r)
        return;
    CHECK_EQ_INT(r->sentence_count, 3);
    CHECK(r->sentences[1].words > 60);
    for (i = 1; i < r->sentence_count; i++) /* the long one scores best */
        if (r->sentences[i].score > r->sentences[best].score)
            best = i;
    CHECK_EQ_INT(best, 1);
    CHECK_EQ_INT(r->chosen_count, 1);
    CHECK(r->chosen_count == 1 && r->sentences[r->chosen[0]].words <= 60);
    brief_result_free(r);
    r = NULL;
    /* nothing shorter: the long sentence is the brief */
    CHECK_EQ_INT(brief_summarize(one, strlen(one), &o, &r), BRIEF_OK);
    if (!r)
        return;
    CHECK_EQ_INT(r->chosen_count, 1);
    brief_result_free(r);
}

static void test_title_and_headings(void)
{
    const char *doc =
        "Council Backs Solar Plan\n\n"
        "The council voted on Tuesday to build a solar farm on the old "
        "rail yard, ending a long fight over the site.\n\n"
        "What comes next\n\n"
        "The state must still approve the plan before work can begin on "
        "the site next summer.\n";
    brief_result *r = NULL;
    CHECK_EQ_INT(brief_summarize(doc, strlen(doc), NULL, &r), BRIEF_OK);
    if (!r)
        return;
    CHECK_EQ_INT(r->sentence_count, 4);
    CHECK(r->has_title && r->title_index == 0);
    CHECK(r->sentences[0].flags & BRIEF_SENTENCE_TITLE);
    CHECK(r->sentences[2].flags & BRIEF_SENTENCE_HEADING);
    CHECK_EQ_INT(r->chosen_count, 2); /* the title and heading never */
    CHECK_EQ_INT(r->sentences[1].paragraph, 1);
    CHECK_EQ_INT(r->sentences[3].paragraph, 3);
    brief_result_free(r);
}

/* ---- the API ------------------------------------------------------------------ */

static void test_api_errors(void)
{
    brief_options o;
    brief_result *r = (brief_result *)&o;
    CHECK_EQ_INT(brief_summarize("x", 1, NULL, NULL), BRIEF_ERR_ARGUMENT);
    CHECK_EQ_INT(brief_summarize(NULL, 3, NULL, &r), BRIEF_ERR_ARGUMENT);
    CHECK(r == NULL);
    CHECK_EQ_INT(brief_summarize("a\0b", 3, NULL, &r), BRIEF_ERR_BINARY);
    brief_options_init(&o);
    o.max_input = 4;
    CHECK_EQ_INT(brief_summarize("hello", 5, &o, &r), BRIEF_ERR_TOO_LARGE);
    brief_options_init(&o);
    o.language = "xx";
    CHECK_EQ_INT(brief_summarize("hello", 5, &o, &r), BRIEF_ERR_LANGUAGE);
    brief_options_init(&o);
    o.ratio_percent = 101;
    CHECK_EQ_INT(brief_summarize("hello", 5, &o, &r), BRIEF_ERR_ARGUMENT);
    /* empty and whitespace-only: OK, no sentences */
    CHECK_EQ_INT(brief_summarize(NULL, 0, NULL, &r), BRIEF_OK);
    CHECK(r && r->sentence_count == 0 && r->chosen_count == 0);
    brief_result_free(r);
    CHECK_EQ_INT(brief_summarize(" \n\t\r\n ", 6, NULL, &r), BRIEF_OK);
    CHECK(r && r->sentence_count == 0);
    brief_result_free(r);
    brief_result_free(NULL);
    CHECK_EQ_STR(brief_strerror(BRIEF_ERR_BINARY),
                 "binary input (contains NUL bytes)");
    CHECK_EQ_STR(brief_strerror(999), "unknown error");
    CHECK_EQ_STR(brief_version(), BRIEF_VERSION);
    CHECK_EQ_STR(brief_language_name("de"), "German");
    CHECK(brief_language_name("xx") == NULL);
}

static void test_budgets(void)
{
    size_t len;
    const char *art = article(&len);
    brief_options o;
    brief_result *r = NULL;
    size_t i, words, bytes;
    if (!art)
        return;
    brief_options_init(&o);
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    CHECK_EQ_INT(r->chosen_count, 3); /* the default */
    for (i = 1; i < r->chosen_count; i++)
        CHECK(r->chosen[i] > r->chosen[i - 1]); /* document order */
    brief_result_free(r);

    o.max_sentences = 5;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    CHECK_EQ_INT(r->chosen_count, 5);
    brief_result_free(r);

    brief_options_init(&o);
    o.max_words = 60;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    for (i = words = 0; i < r->chosen_count; i++)
        words += r->sentences[r->chosen[i]].words;
    CHECK(r->chosen_count > 0 && words <= 60);
    brief_result_free(r);

    brief_options_init(&o);
    o.max_bytes = 300;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    for (i = bytes = 0; i < r->chosen_count; i++)
        bytes += r->sentences[r->chosen[i]].length + (i ? 1 : 0);
    CHECK(r->chosen_count > 0 && bytes <= 300);
    brief_result_free(r);

    brief_options_init(&o);
    o.max_bytes = 5; /* no sentence fits: an empty brief, not a cut one */
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    CHECK_EQ_INT(r->chosen_count, 0);
    brief_result_free(r);

    brief_options_init(&o);
    o.ratio_percent = 20;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    {
        size_t body = 0;
        for (i = 0; i < r->sentence_count; i++)
            if (!(r->sentences[i].flags &
                  (BRIEF_SENTENCE_TITLE | BRIEF_SENTENCE_HEADING)))
                body++;
        CHECK_EQ_INT(r->chosen_count, (body * 20 + 50) / 100);
    }
    brief_result_free(r);

    brief_options_init(&o);
    o.keywords = 5;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    CHECK_EQ_INT(r->keyword_count, 5);
    {
        int found = 0;
        for (i = 0; i < r->keyword_count; i++)
            if (!strcmp(r->keywords[i].text, "solar"))
                found = 1;
        CHECK(found);
    }
    brief_result_free(r);
}

/* ---- memory ------------------------------------------------------------------- */

typedef struct failing {
    long allow;        /* allocations that succeed before failing; <0: all */
    long calls, live;
    size_t bytes_live;
} failing;

static void *fail_alloc(void *ctx, size_t size)
{
    failing *f = (failing *)ctx;
    void *p;
    f->calls++;
    if (f->allow >= 0 && f->calls > f->allow)
        return NULL;
    p = malloc(size);
    if (p) {
        f->live++;
        f->bytes_live += size;
    }
    return p;
}

static void fail_free(void *ctx, void *ptr, size_t size)
{
    failing *f = (failing *)ctx;
    f->live--;
    f->bytes_live -= size;
    free(ptr);
}

/* Fail the Nth allocation for every N a real summary reaches: each run must
 * give BRIEF_ERR_NOMEM and leak nothing, until N is large enough to pass. */
static void test_oom(void)
{
    size_t len;
    const char *art = article(&len);
    brief_allocator al;
    brief_options o;
    failing f;
    long n, reached;
    int ok = 1, rc;
    brief_result *r;
    if (!art)
        return;
    al.alloc = fail_alloc;
    al.free = fail_free;
    al.ctx = &f;
    brief_options_init(&o);
    o.allocator = &al;
    o.keywords = 10;
    memset(&f, 0, sizeof f);
    f.allow = -1;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    reached = f.calls;
    brief_result_free(r);
    CHECK_EQ_INT(f.live, 0);
    CHECK(reached > 1);
    for (n = 0; n < reached; n++) {
        memset(&f, 0, sizeof f);
        f.allow = n;
        r = NULL;
        rc = brief_summarize(art, len, &o, &r);
        if (rc != BRIEF_ERR_NOMEM || r != NULL || f.live != 0)
            ok = 0;
    }
    CHECK(ok);
    printf("  oom: failed each of %ld allocations, no leaks\n", reached);
}

/* A 4 KB article fits a 64 KB arena (the firmware case), the bound holds
 * on adversarial inputs, and fixed mode never calls the allocator. */
static void test_fixed_arena(void)
{
    size_t len;
    const char *art = article(&len);
    static unsigned char arena[64 * 1024];
    brief_options o;
    brief_result *r = NULL;
    static const char *adversarial[] = {"a\n", "a. ", "x y. ", "\xE4\xB8\xAD",
                                        "q\xC3\xA9 ", ". ", "<p>a</p>"};
    size_t k;
    if (!art)
        return;
    brief_options_init(&o);
    o.arena = arena;
    o.arena_size = sizeof arena;
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_OK);
    CHECK(r && r->chosen_count == 3);
    brief_result_free(r);
    o.arena_size = 2048; /* too small: a clean error */
    CHECK_EQ_INT(brief_summarize(art, len, &o, &r), BRIEF_ERR_NOMEM);
    for (k = 0; k < sizeof adversarial / sizeof adversarial[0]; k++) {
        size_t unit = strlen(adversarial[k]), reps = 20000 / unit, i, n = 0;
        char *in = (char *)malloc(reps * (unit + 8) + 1);
        size_t bound;
        unsigned char *buf;
        for (i = 0; i < reps; i++) {
            /* distinct words where the unit has a letter to vary */
            memcpy(in + n, adversarial[k], unit);
            n += unit;
            if (k == 2 || k == 4)
                n += (size_t)sprintf(in + n, "w%lu ", (unsigned long)i);
        }
        bound = brief_arena_bound(n, NULL);
        buf = (unsigned char *)malloc(bound);
        brief_options_init(&o);
        o.arena = buf;
        o.arena_size = bound;
        o.keywords = 100;
        o.max_sentences = reps; /* select everything */
        CHECK_EQ_INT(brief_summarize(in, n, &o, &r), BRIEF_OK);
        free(buf);
        free(in);
    }
}

/* ---- key terms ---------------------------------------------------------------- */

/* The key terms of text (language lang, k of them) as "t1|t2|...", each
 * term followed by "/words" when it has more than one word; "ERR" when
 * summarizing fails. arena: a fixed arena of arena_size bytes, or NULL. */
static const char *kw_list(const char *text, const char *lang, size_t k,
                           void *arena, size_t arena_size)
{
    static char buf[1024];
    brief_options o;
    brief_result *r = NULL;
    size_t i, n = 0;
    brief_options_init(&o);
    o.language = lang;
    o.keywords = k;
    o.arena = arena;
    o.arena_size = arena_size;
    if (brief_summarize(text, strlen(text), &o, &r) != BRIEF_OK)
        return "ERR";
    buf[0] = 0;
    for (i = 0; i < r->keyword_count && n + 80 < sizeof buf; i++) {
        const brief_keyword *w = &r->keywords[i];
        if (strlen(w->text) != w->length)
            n += (size_t)sprintf(buf + n, "BADLEN");
        n += (size_t)sprintf(buf + n, "%s%.60s", i ? "|" : "", w->text);
        if (w->words > 1)
            n += (size_t)sprintf(buf + n, "/%lu", (unsigned long)w->words);
    }
    brief_result_free(r);
    return buf;
}

/* Is term (with its "/words") one of the |-separated list? */
static int kw_has(const char *list, const char *term)
{
    size_t n = strlen(term);
    const char *p = list;
    while ((p = strstr(p, term)) != NULL) {
        if ((p == list || p[-1] == '|') && (p[n] == '|' || p[n] == 0))
            return 1;
        p += n;
    }
    return 0;
}

static void test_keywords(void)
{
    static unsigned char arena[64 * 1024];
    const char *k;
    /* a phrase that recurs as a unit, in its own spelling, replaces the
     * words that occur only inside it; a name keeps its capitals */
    static const char *phrases =
        "Officials at the State Department met DeepSeek on Monday. "
        "The State Department said DeepSeek had copied the models. "
        "DeepSeek denied copying anything. "
        "Analysts think the State Department was right about the models.";
    k = kw_list(phrases, "en", 5, NULL, 0);
    CHECK(kw_has(k, "State Department/2"));
    CHECK(kw_has(k, "DeepSeek"));
    CHECK(kw_has(k, "models"));
    CHECK(!kw_has(k, "state") && !kw_has(k, "State") &&
          !kw_has(k, "department") && !kw_has(k, "Department"));
    printf("  keywords: %s\n", k);
    /* the same in a fixed arena; too small an arena is a clean error */
    CHECK_EQ_STR(kw_list(phrases, "en", 5, arena, sizeof arena), k);
    CHECK_EQ_STR(kw_list(phrases, "en", 5, arena, 3000), "ERR");
    /* punctuation or a stop word between two words: no phrase; words
     * joined by a hyphen make one, but none starts or ends inside a
     * hyphenated word ("year-old man") */
    k = kw_list("Paris, France hosts the games. Paris, France wins the "
                "games. Paris of France lost. A 31-year-old man ran. "
                "A 45-year-old man walked. The real-time data came. "
                "Real-time data went.",
                "en", 20, NULL, 0);
    CHECK(!strchr(k, ' ') || kw_has(k, "real-time data/3"));
    CHECK(kw_has(k, "real-time data/3"));
    CHECK(!kw_has(k, "year-old man/3") && !kw_has(k, "old man/2") &&
          !kw_has(k, "Paris France/2"));
    /* casing: mid-sentence spelling wins; a word seen only at sentence
     * starts is lower case unless a later letter is a capital; titles
     * and headings are no evidence */
    k = kw_list("Rice Prices Rise Again\n\n"
                "Rice is cheap. Farmers grow rice. The rice harvest is big. "
                "Tomatoes are red. Tomatoes are sweet. NASA flew a probe. "
                "NASA said the probe works. McDonald tested it. McDonald "
                "liked it.",
                "en", 20, NULL, 0);
    CHECK(kw_has(k, "rice"));
    CHECK(kw_has(k, "tomatoes"));
    CHECK(kw_has(k, "NASA"));
    CHECK(kw_has(k, "McDonald"));
    CHECK(kw_has(k, "probe"));
    CHECK(!kw_has(k, "Rice") && !kw_has(k, "Tomatoes"));
    /* weak words (modal verbs, number words, common adverbs) are no
     * terms and break phrases; English's possessive 's is dropped */
    k = kw_list("The team will win the cup. The team will play two games. "
                "Fans will cheer the team now. The cup will shine now. "
                "Two fans can sing for Britain's glory. Fans of Britain's "
                "king sang.",
                "en", 20, NULL, 0);
    CHECK(kw_has(k, "team") && kw_has(k, "cup"));
    CHECK(kw_has(k, "Britain"));
    CHECK(!kw_has(k, "will") && !kw_has(k, "can") && !kw_has(k, "two") &&
          !kw_has(k, "Two") && !kw_has(k, "now") && !kw_has(k, "Britain's"));
    /* elisions: the elided article goes ("l'Europe" -> "Europe"), and a
     * stop word behind one is no term ("c'est") */
    k = kw_list("L'Europe est grande. C'est la politique de l'Europe. "
                "Les pays d'Europe discutent. C'est la crise en Europe. "
                "L'Europe avance vers la paix. La paix est loin.",
                "fr", 20, NULL, 0);
    CHECK(kw_has(k, "Europe"));
    CHECK(!strstr(k, "'") && !strstr(k, "est"));
    CHECK(kw_has(k, "paix"));
    /* after an elision a capital is no sentence start's */
    CHECK_EQ_STR(kw_list("L'Europe va bien. L'Europe gagne.", "fr", 1, NULL,
                         0),
                 "Europe");
    /* Italian elision with U+2019 */
    k = kw_list("Il futuro dell\xE2\x80\x99" "Europa \xC3\xA8 incerto. "
                "La politica dell\xE2\x80\x99" "Europa cambia. L\xE2\x80\x99"
                "Europa discute la crisi.",
                "it", 20, NULL, 0);
    CHECK(kw_has(k, "Europa"));
    CHECK(!strstr(k, "\xE2\x80\x99"));
    /* a phrase always in the same company (a repeated longer stretch) is
     * no unit of its own: only the whole run shows */
    k = kw_list("Real Madrid superstar James Rodriguez scored. Fans saw "
                "Real Madrid superstar James Rodriguez. Real Madrid won. "
                "Real Madrid lost.",
                "en", 20, NULL, 0);
    CHECK(kw_has(k, "Real Madrid/2"));
    CHECK(!kw_has(k, "Madrid superstar James/3") &&
          !kw_has(k, "superstar James/2"));
    /* company is a word joined to the phrase: one beyond a stop word is
     * none ("fight for the Premier League" twice) */
    k = kw_list("Spurs must fight for the Premier League. Kane says they "
                "will fight for the Premier League.",
                "en", 20, NULL, 0);
    CHECK(kw_has(k, "Premier League/2"));
    /* a name seen once is a phrase: each word capitalised, one of them
     * mid-sentence (a title's or a sentence start's capitals are no
     * evidence); it weighs as a word seen once */
    k = kw_list("Scientists Create Synthetic Cells\n\n"
                "Scientists led by Craig Venter made cells. Synthetic cells "
                "divide. Create more, they said.",
                "en", 20, NULL, 0);
    CHECK(kw_has(k, "Craig Venter/2"));
    CHECK(!kw_has(k, "Scientists Create/2") &&
          !kw_has(k, "Create Synthetic/2"));
    /* a term first met in the lead (the title and the first two
     * sentences) weighs half as much again: seen twice there, it ties
     * with one seen three times later and comes first */
    CHECK_EQ_STR(kw_list("The volcano erupted near the town. Officials met. "
                         "Reporters came. The harvest failed. The harvest "
                         "was small. The harvest ended. The volcano calmed.",
                         "en", 1, NULL, 0),
                 "volcano");
}

/* ---- brief_arena_size() -------------------------------------------------- */

/* Does a fixed arena of size bytes (buf, 8-aligned) summarize text? */
static int arena_fits(const char *text, size_t len, brief_options *o,
                      unsigned char *buf, size_t size)
{
    brief_result *r = NULL;
    int rc;
    o->arena = buf;
    o->arena_size = size;
    rc = brief_summarize(text, len, o, &r);
    brief_result_free(r);
    o->arena = NULL;
    o->arena_size = 0;
    return rc == BRIEF_OK;
}

/* The smallest fixed arena that works (8-byte steps), by bisection below
 * hi, which must work; 0 when even hi does not. */
static size_t arena_smallest(const char *text, size_t len, brief_options *o,
                             unsigned char *buf, size_t hi)
{
    size_t lo = 0;
    if (!arena_fits(text, len, o, buf, hi))
        return 0;
    while (hi - lo > 8) {
        size_t mid = (lo + (hi - lo) / 2) & ~(size_t)7;
        if (mid <= lo)
            mid = lo + 8;
        if (arena_fits(text, len, o, buf, mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

/* brief_arena_size() of text with o is enough (it works, and is no less
 * than the smallest arena that does) and, when tight, at most twice the
 * smallest. Returns the ratio size / smallest (0 on failure). */
static double arena_size_check(const char *name, const char *text, size_t len,
                               brief_options *o, int tight)
{
    size_t size = brief_arena_size(text, len, o), hi, least;
    unsigned char *buf;
    hi = brief_arena_bound(len, o);
    if (hi < size)
        hi = size;
    buf = (unsigned char *)malloc(hi);
    if (!buf)
        return 0.0;
    least = arena_smallest(text, len, o, buf, hi);
    CHECK(least > 0);
    CHECK(size >= least);
    CHECK(arena_fits(text, len, o, buf, size));
    if (tight)
        CHECK(size <= 2 * least);
    if (size < least || (tight && size > 2 * least))
        fprintf(stderr, "  arena_size: %s (-k %lu): size %lu, smallest %lu\n",
                name, (unsigned long)o->keywords, (unsigned long)size,
                (unsigned long)least);
    free(buf);
    return least ? (double)size / (double)least : 0.0;
}

/* A fixture beside the article (path relative to its directory). */
static char *fixture(const char *rel, size_t *len)
{
    char path[1024];
    const char *slash = strrchr(article_path, '/');
    size_t dir = slash ? (size_t)(slash - article_path) + 1 : 0;
    if (dir + strlen(rel) + 1 > sizeof path)
        return NULL;
    memcpy(path, article_path, dir);
    strcpy(path + dir, rel);
    return read_file(path, len);
}

/* brief_arena_size(): enough and at most 2x the smallest arena on real
 * articles (plain text, several languages, CJK, hard-wrapped with
 * hyphens), enough on HTML, Markdown, other charsets and hostile text;
 * with and without key terms. */
static void test_arena_size(void)
{
    static const char *const articles[] = {
        "article.txt", "one-sentence.txt", "hard-wrapped.text",
        "lang/de.txt", "lang/fr.txt", "lang/ja.txt", "lang/zh.txt",
        "lang/ru.txt", "lang/ar.txt", "lang/tr.txt"};
    static const char *const loose[] = {"../html/news-page.html",
                                        "markdown.txt", "release-notes.md",
                                        "segment-cases.txt"};
    /* units repeated to 8 KB: one-letter sentences, all-distinct words
     * (past the 256 forms counted exactly), CJK, bullets, hyphens at
     * line ends, tabs and CRLF, markup, one long word */
    static const char *const hostile[] = {
        "a\n", "a. ", "x y. ", "\xE4\xB8\xAD", "q\xC3\xA9 ", ". ",
        "\xE2\x80\xA2 a ", "a)", "co-\nop ", "a\tb  c\r\n", "<p>a</p>",
        "\xE3\x80\x82", "It's 3.5, isn't it?! ", "x",
        /* CJK full stops inside a run of marks each end a sentence */
        "\xE3\x80\x82!!\xE3\x80\x82", "\xEF\xBC\x81!"};
    static const size_t ks[] = {0, 20};
    brief_options o;
    size_t i, j, n, len;
    double worst = 0.0, r;
    for (i = 0; i < sizeof articles / sizeof articles[0]; i++) {
        char *text = fixture(articles[i], &len);
        CHECK(text != NULL);
        if (!text)
            continue;
        for (j = 0; j < 2; j++) {
            brief_options_init(&o);
            o.keywords = ks[j];
            r = arena_size_check(articles[i], text, len, &o, 1);
            if (r > worst)
                worst = r;
        }
        /* an unaligned arena: size covers the lost bytes */
        {
            unsigned char *buf = (unsigned char *)malloc(len * 64 + 65536);
            size_t size;
            brief_options_init(&o);
            size = brief_arena_size(text, len, &o);
            if (buf && size < len * 64 + 65536)
                CHECK(arena_fits(text, len, &o, buf + 3, size));
            free(buf);
        }
        free(text);
    }
    printf("  arena_size: articles within %.2f x the smallest arena\n", worst);
    for (i = 0; i < sizeof loose / sizeof loose[0]; i++) {
        char *text = fixture(loose[i], &len);
        CHECK(text != NULL);
        if (!text)
            continue;
        for (j = 0; j < 2; j++) {
            brief_options_init(&o);
            o.keywords = ks[j];
            (void)arena_size_check(loose[i], text, len, &o, 0);
            o.input = BRIEF_INPUT_TEXT; /* the same bytes as text */
            (void)arena_size_check(loose[i], text, len, &o, 0);
            o.encoding = "windows-1252"; /* converted first */
            (void)arena_size_check(loose[i], text, len, &o, 0);
        }
        free(text);
    }
    for (i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        size_t unit = strlen(hostile[i]), reps = 8000 / unit, k;
        char *in = (char *)malloc(reps * (unit + 12) + 1);
        n = 0;
        if (!in)
            continue;
        for (k = 0; k < reps; k++) {
            memcpy(in + n, hostile[i], unit);
            n += unit;
            if (i == 2 || i == 4 || i >= 14) /* distinct words, numbers */
                n += (size_t)sprintf(in + n, "w%lu ", (unsigned long)k);
        }
        for (j = 0; j < 2; j++) {
            brief_options_init(&o);
            o.keywords = ks[j] ? 100 : 0;
            o.max_sentences = reps;
            (void)arena_size_check(hostile[i], in, n, &o, 0);
        }
        free(in);
    }
}

static void test_determinism(void)
{
    size_t len;
    const char *art = article(&len);
    brief_result *a = NULL, *b = NULL;
    size_t i;
    int same = 1;
    if (!art)
        return;
    brief_summarize(art, len, NULL, &a);
    brief_summarize(art, len, NULL, &b);
    if (!a || !b || a->sentence_count != b->sentence_count)
        same = 0;
    for (i = 0; same && i < a->sentence_count; i++)
        if (a->sentences[i].score != b->sentences[i].score)
            same = 0;
    CHECK(same);
    brief_result_free(a);
    brief_result_free(b);
}

static const harness_test tests[] = {
    {"utf8", test_utf8},
    {"fold_and_class", test_fold_and_class},
    {"log", test_log},
    {"sqrt", test_sqrt},
    {"arena", test_arena},
    {"segment", test_segment},
    {"captions", test_captions},
    {"long_sentences", test_long_sentences},
    {"title_and_headings", test_title_and_headings},
    {"api_errors", test_api_errors},
    {"budgets", test_budgets},
    {"oom", test_oom},
    {"fixed_arena", test_fixed_arena},
    {"keywords", test_keywords},
    {"arena_size", test_arena_size},
    {"determinism", test_determinism},
};

int main(int argc, char **argv)
{
    int rc;
    if (argc > 1 && strchr(argv[1], '/')) { /* the ARTICLE argument */
        article_path = argv[1];
        argv[1] = argv[0];
        argc--;
        argv++;
    }
    rc = harness_main(argc, argv, tests, HARNESS_COUNT(tests));
    free(article_text);
    return rc;
}
