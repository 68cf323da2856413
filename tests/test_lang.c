/*
 * test_lang.c - unit tests of the language layer (src/lang.c and the
 * generated tables src/stopwords.inc, src/abbrevs.inc).
 *
 * Usage: test_lang [WORD...]: the WORDs select tests by name as in
 * tests/harness.h (`test_lang -l` lists them). Prints each failure with
 * what was expected, then "N passed, N failed"; exits 1 when anything
 * failed, 2 on an unknown WORD. Builds with and without BRIEF_NO_LANGS
 * (then only English is expected, and detection always answers English).
 *
 *   test_lang [SAMPLE.txt ...]
 *
 * Each SAMPLE (tests/data/lang/XX.txt or XX-N.txt: text in language XX,
 * after leading '#' lines of source notes) is detected whole and on its
 * first 300 and 100 characters, and one table line is printed for it:
 *   lang: XX     want  whole/300/100
 * A wrong label fails, at any length; "und" (no answer) for a language
 * brief has fails on the whole text and on 300 characters, and is only
 * reported on 100. The want of a language brief has no rules for is "und".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"
#include "internal.h"

/* ---- brief__in_table --------------------------------------------------- */

static void test_in_table(void)
{
    static const char *const tab[] = {"a", "ab", "abc", "b", "für", "zz"};
    const size_t n = sizeof tab / sizeof tab[0];
    CHECK(brief__in_table(tab, n, "a", 1));
    CHECK(brief__in_table(tab, n, "ab", 2));
    CHECK(brief__in_table(tab, n, "abc", 3));
    CHECK(brief__in_table(tab, n, "b", 1));
    CHECK(brief__in_table(tab, n, "zz", 2));
    CHECK(brief__in_table(tab, n, "f\xc3\xbcr", 4)); /* UTF-8 "für" */
    /* the word is not NUL-terminated: only n bytes count */
    CHECK(brief__in_table(tab, n, "abcdef", 3));
    CHECK(brief__in_table(tab, n, "bxyz", 1));
    CHECK(!brief__in_table(tab, n, "abcd", 4)); /* an entry is a prefix */
    CHECK(!brief__in_table(tab, n, "abd", 3));
    CHECK(!brief__in_table(tab, n, "aa", 2));
    CHECK(!brief__in_table(tab, n, "0", 1));    /* before the first    */
    CHECK(!brief__in_table(tab, n, "zzz", 3));  /* after the last      */
    CHECK(!brief__in_table(tab, n, "fu", 2));
    CHECK(!brief__in_table(tab, n, "A", 1));    /* callers fold case   */
    CHECK(!brief__in_table(tab, n, "a", 0));    /* empty word          */
    CHECK(!brief__in_table(tab, 0, "a", 1));    /* empty table         */
    CHECK(!brief__in_table(NULL, 0, "a", 1));
    CHECK(brief__in_table(tab, 1, "a", 1));
    CHECK(!brief__in_table(tab, 1, "ab", 2));
}

/* ---- the language table ------------------------------------------------- */

static size_t lang_count(void)
{
    size_t i = 0;
    while (brief__lang_at(i) != NULL)
        i++;
    return i;
}

/* strictly increasing by strcmp, non-empty, no ASCII upper case, no final
 * '.', and every entry is found by brief__in_list */
static int table_ok(const brief__wordlist *list, const char *what,
                    const char *code)
{
    size_t i, k;
    int ok = list->blob != NULL && list->off != NULL && list->count > 0;
    for (i = 0; ok && i < list->count; i++) {
        const char *w = brief__word_at(list, i);
        size_t len = strlen(w);
        if (len == 0 || w[len - 1] == '.')
            ok = 0;
        for (k = 0; k < len; k++)
            if (w[k] >= 'A' && w[k] <= 'Z')
                ok = 0;
        if (i > 0 && strcmp(brief__word_at(list, i - 1), w) >= 0)
            ok = 0;
        if (!brief__in_list(list, w, len))
            ok = 0;
        if (!ok)
            printf("  %s %s: bad entry %lu \"%s\"\n", code, what,
                   (unsigned long)i, w);
    }
    return ok;
}

static void test_tables(void)
{
    size_t i, j, n = lang_count();
#ifdef BRIEF_NO_LANGS
    CHECK(n == 1);
#else
    CHECK(n == 8);
#endif
    CHECK(brief__lang_at(n) == NULL);
    CHECK(brief__lang_at((size_t)-1) == NULL);
    CHECK(strcmp(brief__lang_at(0)->code, "en") == 0);
    for (i = 0; i < n; i++) {
        const brief__lang *l = brief__lang_at(i);
        CHECK(strlen(l->code) == 2);
        CHECK(l->name != NULL && l->name[0] != '\0');
        CHECK(l->stem != NULL);
        CHECK(table_ok(&l->stopwords, "stop words", l->code));
        CHECK(table_ok(&l->abbrevs, "abbreviations", l->code));
        CHECK(brief__lang_find(l->code) == l);
        CHECK(brief__lang_find(l->name) == l);
        for (j = 0; j < i; j++)
            CHECK(strcmp(brief__lang_at(j)->code, l->code) != 0);
    }
    /* a few entries the rest of the pipeline relies on */
    CHECK(brief__in_list(&brief__lang_at(0)->stopwords, "the", 3));
    CHECK(brief__in_list(&brief__lang_at(0)->stopwords, "said", 4));
    CHECK(!brief__in_list(&brief__lang_at(0)->stopwords, "summary", 7));
    CHECK(brief__in_list(&brief__lang_at(0)->abbrevs, "mr", 2));
    CHECK(brief__in_list(&brief__lang_at(0)->abbrevs, "e.g", 3));
    CHECK(!brief__in_list(&brief__lang_at(0)->abbrevs, "etc", 3));
#ifndef BRIEF_NO_LANGS
    {
        const brief__lang *de = brief__lang_find("de");
        const brief__lang *sv = brief__lang_find("sv");
        CHECK(brief__in_list(&de->stopwords, "f\xc3\xbcr", 4));
        CHECK(brief__in_list(&de->stopwords, "dass", 4));
        CHECK(brief__in_list(&de->abbrevs, "z.b", 3));
        CHECK(brief__in_list(&sv->abbrevs, "t.ex", 4));
        CHECK(brief__in_list(&sv->stopwords, "p\xc3\xa5", 3)); /* "på" */
    }
#endif
}

static void test_find(void)
{
    const brief__lang *en = brief__lang_at(0);
    CHECK(brief__lang_find("en") == en);
    CHECK(brief__lang_find("EN") == en);
    CHECK(brief__lang_find("En") == en);
    CHECK(brief__lang_find("english") == en);
    CHECK(brief__lang_find("ENGLISH") == en);
    CHECK(brief__lang_find("en-US") == en);
    CHECK(brief__lang_find("en_GB.UTF-8") == en);
    CHECK(brief__lang_find(NULL) == NULL);
    CHECK(brief__lang_find("") == NULL);
    CHECK(brief__lang_find("auto") == NULL);
    CHECK(brief__lang_find("e") == NULL);
    CHECK(brief__lang_find("eng") == NULL);
    CHECK(brief__lang_find("englishman") == NULL);
    CHECK(brief__lang_find("english-US") == NULL);
    CHECK(brief__lang_find("xx") == NULL);
    CHECK(brief__lang_find("ru") == NULL);
    CHECK(brief__lang_find("da") == NULL);
    CHECK(brief__lang_find("ca") == NULL); /* detection-only lists */
    CHECK(brief__lang_find("nb") == NULL);
    CHECK(brief__lang_find("un") == NULL);
    CHECK(brief__lang_find("undx") == NULL);
#ifdef BRIEF_NO_LANGS
    CHECK(brief__lang_find("de") == NULL);
    CHECK(brief__lang_find("german") == NULL);
#else
    CHECK(strcmp(brief__lang_find("DE")->code, "de") == 0);
    CHECK(strcmp(brief__lang_find("german")->code, "de") == 0);
    CHECK(strcmp(brief__lang_find("French")->code, "fr") == 0);
    CHECK(strcmp(brief__lang_find("spanish")->code, "es") == 0);
    CHECK(strcmp(brief__lang_find("ITALIAN")->code, "it") == 0);
    CHECK(strcmp(brief__lang_find("portuguese")->code, "pt") == 0);
    CHECK(strcmp(brief__lang_find("pt-BR")->code, "pt") == 0);
    CHECK(strcmp(brief__lang_find("dutch")->code, "nl") == 0);
    CHECK(strcmp(brief__lang_find("nl_BE")->code, "nl") == 0);
    CHECK(strcmp(brief__lang_find("swedish")->code, "sv") == 0);
    CHECK(brief__lang_find("sw") == NULL);
#endif
}

/* "und": language-neutral rules, chosen by code or name, never listed */
static void test_und(void)
{
    const brief__lang *u = brief__lang_find("und");
    uint32_t w[8] = {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};
    size_t i;
    CHECK(u != NULL);
    if (u == NULL)
        return;
    CHECK(strcmp(u->code, "und") == 0);
    CHECK(strcmp(u->code, BRIEF_LANGUAGE_UNDETERMINED) == 0);
    CHECK(strcmp(u->name, "Undetermined") == 0);
    CHECK(brief__lang_find("UND") == u);
    CHECK(brief__lang_find("undetermined") == u);
    CHECK(brief__lang_find("und-Latn") == u);
    CHECK(u->stopwords.count == 0 && u->abbrevs.count == 0);
    CHECK(!brief__in_list(&u->stopwords, "the", 3));
    for (i = 0; brief__lang_at(i) != NULL; i++)
        CHECK(brief__lang_at(i) != u);
    /* no stemming; a word of at most four letters is no term */
    CHECK(u->stem != NULL);
    if (u->stem == NULL)
        return;
    CHECK(u->stem(w, 0) == 0);
    CHECK(u->stem(w, 2) == 0);
    CHECK(u->stem(w, 4) == 0);
    CHECK(u->stem(w, 5) == 5);
    CHECK(u->stem(w, 8) == 8);
    CHECK(w[0] == 'a' && w[7] == 'h'); /* the word is left as it is */
    CHECK(strcmp(brief_language_name("und"), "Undetermined") == 0);
}

/* ---- detection --------------------------------------------------------- */

/* Paragraphs written for this test: the same small news item in each
 * language, then one short everyday sentence in each. */
static const struct sample {
    const char *code;
    const char *text;
} samples[] = {
    {"en", "The city council met on Tuesday evening to discuss the new "
           "budget. Several members said that the plan would raise taxes "
           "for families who already struggle. The mayor argued that the "
           "money is needed to repair roads and schools before the winter."},
    {"de", "Der Stadtrat hat am Dienstagabend \xc3\xbc" "ber den neuen "
           "Haushalt beraten. Mehrere Mitglieder sagten, dass der Plan die "
           "Steuern f\xc3\xbcr Familien erh\xc3\xb6hen w\xc3\xbcrde, die "
           "schon jetzt zu k\xc3\xa4mpfen haben. Der B\xc3\xbcrgermeister "
           "meinte, das Geld werde gebraucht, um Stra\xc3\x9f" "en und "
           "Schulen vor dem Winter zu reparieren."},
    {"fr", "Le conseil municipal s'est r\xc3\xa9uni mardi soir pour "
           "discuter du nouveau budget. Plusieurs membres ont dit que le "
           "projet allait augmenter les imp\xc3\xb4ts des familles qui ont "
           "d\xc3\xa9j\xc3\xa0 du mal \xc3\xa0 vivre. Le maire a "
           "r\xc3\xa9pondu que cet argent est n\xc3\xa9" "cessaire pour "
           "r\xc3\xa9parer les routes et les \xc3\xa9" "coles avant "
           "l'hiver."},
    {"es", "El ayuntamiento se reuni\xc3\xb3 el martes por la noche para "
           "hablar del nuevo presupuesto. Varios concejales dijeron que el "
           "plan subir\xc3\xad" "a los impuestos de las familias que ya "
           "tienen dificultades. El alcalde respondi\xc3\xb3 que el dinero "
           "es necesario para arreglar las calles y las escuelas antes del "
           "invierno."},
    {"it", "Il consiglio comunale si \xc3\xa8 riunito marted\xc3\xac sera "
           "per discutere il nuovo bilancio. Alcuni consiglieri hanno detto "
           "che il piano farebbe aumentare le tasse per le famiglie che "
           "gi\xc3\xa0 sono in difficolt\xc3\xa0. Il sindaco ha risposto "
           "che i soldi servono per riparare le strade e le scuole prima "
           "dell'inverno."},
    {"pt", "A c\xc3\xa2mara municipal reuniu-se na ter\xc3\xa7" "a-feira "
           "\xc3\xa0 noite para discutir o novo or\xc3\xa7" "amento. "
           "V\xc3\xa1rios vereadores disseram que o plano iria aumentar os "
           "impostos das fam\xc3\xadlias que j\xc3\xa1 t\xc3\xaam "
           "dificuldades. O presidente respondeu que o dinheiro \xc3\xa9 "
           "necess\xc3\xa1rio para reparar as estradas e as escolas antes "
           "do inverno."},
    {"nl", "De gemeenteraad kwam dinsdagavond bijeen om over de nieuwe "
           "begroting te praten. Verschillende leden zeiden dat het plan de "
           "belastingen zou verhogen voor gezinnen die het nu al moeilijk "
           "hebben. De burgemeester antwoordde dat het geld nodig is om "
           "wegen en scholen voor de winter te herstellen."},
    {"sv", "Kommunfullm\xc3\xa4ktige samlades p\xc3\xa5 tisdagskv\xc3\xa4llen "
           "f\xc3\xb6r att diskutera den nya budgeten. Flera "
           "ledam\xc3\xb6ter sa att planen skulle h\xc3\xb6ja skatten "
           "f\xc3\xb6r familjer som redan har det sv\xc3\xa5rt. "
           "Kommunalr\xc3\xa5" "det svarade att pengarna beh\xc3\xb6vs "
           "f\xc3\xb6r att laga v\xc3\xa4gar och skolor f\xc3\xb6re "
           "vintern."},
    {"en", "She has lived in this house for more than twenty years."},
    {"de", "Sie wohnt seit mehr als zwanzig Jahren in diesem Haus."},
    {"fr", "Elle habite dans cette maison depuis plus de vingt ans."},
    {"es", "Ella vive en esta casa desde hace m\xc3\xa1s de veinte "
           "a\xc3\xb1os."},
    {"it", "Lei abita in questa casa da pi\xc3\xb9 di vent'anni."},
    {"pt", "Ela mora nesta casa h\xc3\xa1 mais de vinte anos."},
    {"nl", "Zij woont al meer dan twintig jaar in dit huis."},
    {"sv", "Hon har bott i det h\xc3\xa4r huset i mer \xc3\xa4n tjugo "
           "\xc3\xa5r."},
    /* English with foreign names and a quoted phrase stays English */
    {"en", "Jos\xc3\xa9 Mar\xc3\xad" "a de la Fuente told reporters in "
           "M\xc3\xbcnchen that the phrase \"c'est la vie\" was all he "
           "would say about the match, and then he left."},
    /* possessives and initials do not read as French "s", "d", "c" */
    {"en", "BA's profits hit a high. D.C. police and J. R. R. Tolkien's "
           "readers met at 5 p.m. in St. Paul's."},
};

static const char *detect(const char *text)
{
    return brief__lang_detect((const unsigned char *)text, strlen(text))->code;
}

static void test_detect_samples(void)
{
    size_t i;
    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const char *want = samples[i].code, *got = detect(samples[i].text);
#ifdef BRIEF_NO_LANGS
        want = "en";
#endif
        CHECK_EQ_STR(got, want);
        /* deterministic: same text, same answer */
        CHECK(strcmp(detect(samples[i].text), got) == 0);
    }
}

static void test_detect_edges(void)
{
    static const char cjk[] =
        "\xe4\xbb\x8a\xe5\xa4\xa9\xe5\xa4\xa9\xe6\xb0\x94\xe5\xbe\x88"
        "\xe5\xa5\xbd\xe3\x80\x82\xe6\x88\x91\xe4\xbb\xac\xe5\x8e\xbb"
        "\xe5\x85\xac\xe5\x9b\xad\xe3\x80\x82"; /* Chinese, 2 sentences */
    static const char ru[] =
        "\xd0\xa1\xd0\xb5\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xbd\xd1\x8f "
        "\xd1\x85\xd0\xbe\xd1\x80\xd0\xbe\xd1\x88\xd0\xb0\xd1\x8f "
        "\xd0\xbf\xd0\xbe\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0."; /* Russian */
    static const char bad[] = "\xff\xfe\xc3 de la \xe2\x82"; /* invalid UTF-8 */
#ifndef BRIEF_NO_LANGS
    /* Czech: by its letters (č ř ž ...) and, written without them, by
     * having too few stop words of any of the eight */
    static const char cz[] =
        "Vl\xc3\xa1" "da v pond\xc4\x9bl\xc3\xad schv\xc3\xa1lila "
        "nov\xc3\xbd z\xc3\xa1kon o \xc5\xa1kol\xc3\xa1" "ch, kter\xc3\xbd "
        "m\xc3\xa1 platit od za\xc4\x8d\xc3\xa1tku p\xc5\x99\xc3\xad"
        "\xc5\xa1t\xc3\xadho roku.";
    static const char cz_ascii[] =
        "Vlada v pondeli schvalila novy zakon o skolach, ktery ma platit od "
        "zacatku pristiho roku. Ministr rekl, ze se na nem pracovalo dva roky "
        "a ze ucitele ho podporuji.";
    /* Danish and Catalan: close to Swedish and Spanish, but their own */
    static const char da[] =
        "Regeringen har i dag fremlagt en ny lov om skolerne, og den skal "
        "g\xc3\xa6lde fra n\xc3\xa6ste \xc3\xa5r. Ministeren sagde, at der "
        "er blevet arbejdet p\xc3\xa5 den i to \xc3\xa5r.";
    static const char ca[] =
        "El govern ha presentat avui una nova llei sobre les escoles, que "
        "entrar\xc3\xa0 en vigor l'any vinent. El ministre ha dit que els "
        "mestres hi han treballat durant dos anys i que la majoria la "
        "defensa.";
    static const char en_names[] =
        "The delegation from Brno, led by Ji\xc5\x99\xc3\xad "
        "Dvo\xc5\x99\xc3\xa1k, met the mayor of \xc5\x81\xc3\xb3" "d\xc5\xba "
        "and the envoy of \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 "
        "on Friday to talk about trade, roads and the new rail link that "
        "both cities want to have built before the end of the decade.";
#endif
    CHECK(strcmp(brief__lang_detect(NULL, 0)->code, "en") == 0);
    CHECK(strcmp(brief__lang_detect((const unsigned char *)"", 0)->code,
                 "en") == 0);
    /* no word at all: the default */
    CHECK(strcmp(detect("   \n\t 12345 678 !!! "), "en") == 0);
    (void)detect(bad); /* must not read out of bounds (run under ASan) */
#ifdef BRIEF_NO_LANGS
    CHECK(strcmp(detect(cjk), "en") == 0);
    CHECK(strcmp(detect(ru), "en") == 0);
#else
    /* another script, no stop word, letters alone, too few words */
    CHECK(strcmp(detect(cjk), "und") == 0);
    CHECK(strcmp(detect(ru), "und") == 0);
    CHECK(strcmp(detect("Qwxyz Blorft Zzyzx"), "und") == 0);
    CHECK(strcmp(detect("Stra\xc3\x9f" "e"), "und") == 0);
    CHECK(strcmp(detect("Haus und"), "und") == 0); /* one hit */
    CHECK(strcmp(detect(cz), "und") == 0);
    CHECK(strcmp(detect(cz_ascii), "und") == 0);
    CHECK(strcmp(detect(da), "und") == 0);
    CHECK(strcmp(detect(ca), "und") == 0);
    /* English with a few Cyrillic or Czech names stays English */
    CHECK(strcmp(detect(en_names), "en") == 0);
    /* the length bounds the text: no NUL needed */
    CHECK(strcmp(brief__lang_detect((const unsigned char *)"Haus und die",
                                    4)->code,
                 "und") == 0);
    CHECK(strcmp(detect("und die der"), "de") == 0);
    CHECK(strcmp(brief__lang_detect((const unsigned char *)"und die der X",
                                    11)->code,
                 "de") == 0);
    /* a long word at the end of input, over the word buffer */
    CHECK(strcmp(detect("und die der "
                        "Donaudampfschifffahrtsgesellschaftskapit\xc3\xa4"
                        "nswitwenrentenversicherungsanstalt"),
                 "de") == 0);
#endif
}

/* Only the first ~64 KB are read: German first, then much more French. */
static void test_detect_limit(void)
{
    size_t de_len = strlen(samples[1].text), fr_len = strlen(samples[2].text);
    size_t cap = 400000, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL) {
        CHECK(buf != NULL); /* out of memory */
        return;
    }
    while (n + de_len + 1 < 66000) {
        memcpy(buf + n, samples[1].text, de_len);
        n += de_len;
        buf[n++] = ' ';
    }
    while (n + fr_len + 1 < cap) {
        memcpy(buf + n, samples[2].text, fr_len);
        n += fr_len;
        buf[n++] = ' ';
    }
#ifdef BRIEF_NO_LANGS
    CHECK(strcmp(brief__lang_detect((unsigned char *)buf, n)->code, "en") ==
          0);
#else
    CHECK(strcmp(brief__lang_detect((unsigned char *)buf, n)->code, "de") ==
          0);
    /* and the French tail alone is French */
    CHECK(strcmp(brief__lang_detect((unsigned char *)buf + 66000, n - 66000)
                     ->code,
                 "fr") == 0);
#endif
    free(buf);
}

/* ---- the sample files: the detection table ------------------------------ */

/* Reads path whole into a malloc'ed, NUL-terminated buffer; NULL on error. */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    if (f == NULL)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)n + 1)) != NULL) {
        *len = fread(buf, 1, (size_t)n, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

/* Bytes of the first chars code points of s[0..n) (0: all of it). */
static size_t prefix_bytes(const char *s, size_t n, size_t chars)
{
    size_t i = 0, c = 0;
    if (chars == 0)
        return n;
    while (i < n && c < chars) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    return i;
}

static void test_sample_file(const char *path)
{
    static const size_t lengths[] = {0, 300, 100};
    const char *base = strrchr(path, '/'), *t;
    const brief__lang *l;
    char code[8], got[3][8];
    size_t len = 0, n = 0, k;
    char *buf = read_file(path, &len);
    base = base ? base + 1 : path;
    while (n < sizeof code - 1 && base[n] >= 'a' && base[n] <= 'z') {
        code[n] = base[n];
        n++;
    }
    code[n] = '\0';
    if (buf == NULL || n == 0) {
        printf("  cannot read sample %s\n", path);
        CHECK(0 /* sample file */);
        free(buf);
        return;
    }
    /* the language brief has rules for, or "und" */
    l = brief__lang_find(code);
    if (l == NULL || strcmp(l->code, code) != 0)
        l = brief__lang_find("und");
    t = buf;
    while (*t == '#') { /* the source notes */
        const char *nl = strchr(t, '\n');
        t = nl ? nl + 1 : t + strlen(t);
    }
    for (k = 0; k < 3; k++) {
        size_t m = prefix_bytes(t, len - (size_t)(t - buf), lengths[k]);
        const char *c = brief__lang_detect((const unsigned char *)t, m)->code;
        int und = strcmp(c, "und") == 0, right = strcmp(c, l->code) == 0;
        snprintf(got[k], sizeof got[k], "%s", c);
        if (!right && (!und || k < 2))
            printf("  sample %s, %s: want %s, got %s\n", base,
                   k == 0 ? "whole" : k == 1 ? "300 chars" : "100 chars",
                   l->code, c);
        CHECK(right || (und && k == 2));
    }
    printf("lang: %-6.*s %-4s %s/%s/%s\n", (int)strcspn(base, "."), base,
           l->code, got[0], got[1], got[2]);
    free(buf);
}

/* The sample files named on the command line (arguments with a '/'). */
static char **sample_paths;
static int sample_count;

static void test_sample_files(void)
{
#ifndef BRIEF_NO_LANGS
    int i;
    if (sample_count == 0)
        SKIP("no sample files given (tests/run.sh passes tests/data/lang/*.txt)");
    printf("lang: sample want whole/300/100 characters\n");
    for (i = 0; i < sample_count; i++)
        test_sample_file(sample_paths[i]);
#else
    (void)test_sample_file;
    (void)sample_paths;
    (void)sample_count;
#endif
}

static const harness_test tests[] = {
    {"in_table", test_in_table},
    {"tables", test_tables},
    {"find", test_find},
    {"und", test_und},
    {"detect_samples", test_detect_samples},
    {"detect_edges", test_detect_edges},
    {"detect_limit", test_detect_limit},
    {"sample_files", test_sample_files},
};

/* Arguments with a '/' are sample files (tests/data/lang/LANG.txt: the
 * language is the file name's leading letters); the others filter tests. */
int main(int argc, char **argv)
{
    int i, n = 1, rc;
    sample_paths = malloc(((size_t)argc + 1) * sizeof *sample_paths);
    if (sample_paths == NULL)
        return 2;
    for (i = 1; i < argc; i++) {
        if (strchr(argv[i], '/'))
            sample_paths[sample_count++] = argv[i];
        else
            argv[n++] = argv[i];
    }
    rc = harness_main(n, argv, tests, HARNESS_COUNT(tests));
    free(sample_paths);
    return rc;
}
