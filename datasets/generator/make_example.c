/*
 * make_example.c - generate the bundled bridgemap example data set "Fjordvik".
 *
 * A fictional Norwegian-style cross-sector case: a municipality (Fjordvik kommune)
 * with seven departments, five private companies, four voluntary organisations,
 * a university college and a panel of citizens. Collaboration records cover
 * period A (2023, before) and period B (February-December 2024, after) around a
 * cross-department leadership bootcamp held in January 2024 (no records are dated
 * January 2024). After the bootcamp there are clearly more cross-department and
 * cross-sector ties (Jobbsjanse project, sprint teams, bootcamp follow-up).
 *
 * All persons and organisations are synthetic; any resemblance is coincidental.
 *
 * Output (into the directory argv[1], default "."): actors.csv, records.csv,
 * affiliations.csv. UTF-8, comma separated, LF line ends, header row, RFC 4180
 * quoting where needed. The program uses its own PRNG (splitmix64) with a fixed
 * seed and integer-only arithmetic, so the output is byte-identical everywhere.
 *
 * Build: cc -std=c11 -O2 -o make_example datasets/generator/make_example.c -lm
 * Run:   ./make_example datasets/fjordvik
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEED UINT64_C(20240115) /* the first day of the leadership bootcamp */

/* ------------------------------------------------------------------ PRNG -- */

static uint64_t rng_state = SEED;

static uint64_t next_u64(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform integer in [0, n), n > 0, without modulo bias. */
static int rnd(int n)
{
    uint64_t un = (uint64_t)n;
    uint64_t threshold = (UINT64_C(0) - un) % un;
    for (;;) {
        uint64_t r = next_u64();
        if (r >= threshold)
            return (int)(r % un);
    }
}

/* True with probability pm/1000. */
static int chance(int pm) { return rnd(1000) < pm; }

/* ------------------------------------------------------- organisation -- */

enum { S_PUBLIC, S_PRIVATE, S_VOLUNTARY, S_RESEARCH, S_CIVIL };
static const char *const SECTOR_NAME[] = {"public", "private", "voluntary", "research", "civil"};

enum { L_TOP, L_MIDDLE, L_FRONTLINE };
static const char *const LEVEL_NAME[] = {"top", "middle", "frontline"};

enum {
    U_RAD, U_JOB, U_OPP, U_HEL, U_KUL, U_TEK, U_PLAN, /* Fjordvik kommune */
    U_REN, U_BYGG, U_IT, U_BANK, U_HOT,               /* private */
    U_RK, U_FLY, U_IL, U_FRI,                         /* voluntary */
    U_HS_INST, U_HS_SENTER,                           /* research */
    U_CIV,                                            /* civil */
    N_UNITS
};

typedef struct {
    const char *org;
    int sector;
    const char *unit;
    int ntop, nmid, nfront;
    const char *acts[6]; /* NULL-terminated list of everyday activity labels */
} UnitSpec;

static const UnitSpec UNITS[N_UNITS] = {
    {"Fjordvik kommune", S_PUBLIC, "Rådmannens stab", 1, 3, 3,
     {"Ledermøte", "Budsjett 2024", "Økonomiplan 2024-2027", "Politisk sak", "Beredskapsplan", NULL}},
    {"Fjordvik kommune", S_PUBLIC, "Jobbsenteret", 1, 4, 13,
     {"Kvalifiseringsprogrammet", "Introduksjonsprogrammet", "Oppfølging arbeidssøkere",
      "Ungdomsgarantien", "Tiltaksmøte", NULL}},
    {"Fjordvik kommune", S_PUBLIC, "Oppvekst og utdanning", 1, 4, 13,
     {"Tidlig innsats", "Skolemiljø", "Barnehageopptak", "Spesialundervisning", "Rektormøte", NULL}},
    {"Fjordvik kommune", S_PUBLIC, "Helse og omsorg", 1, 5, 14,
     {"Hjemmetjenesten", "Velferdsteknologi", "Sykehjemsplasser", "Rus og psykisk helse",
      "Vedtaksmøte", NULL}},
    {"Fjordvik kommune", S_PUBLIC, "Kultur", 1, 2, 5,
     {"Kulturskolen", "Fjordvikdagene", "Biblioteket", "Ungdomsklubben", NULL}},
    {"Fjordvik kommune", S_PUBLIC, "Teknisk drift", 1, 3, 8,
     {"Vann og avløp", "Brøyting", "Byggdrift", "Veivedlikehold", NULL}},
    {"Fjordvik kommune", S_PUBLIC, "Plan og næring", 1, 3, 6,
     {"Kommuneplanens arealdel", "Næringsplan", "Byggesak", "Reguleringsplan sentrum", NULL}},
    {"Renhold Fjordvik AS", S_PRIVATE, "Renholdsteamet", 1, 1, 5,
     {"Renholdsoppdrag", "Opplæring", "Turnusplan", NULL}},
    {"Bygg & Anlegg Fjordvik AS", S_PRIVATE, "Prosjektavdelingen", 1, 1, 4,
     {"Anbud", "Byggeprosjekt", "HMS-runde", NULL}},
    {"Fjordvik IT-konsult AS", S_PRIVATE, "Rådgivning", 1, 1, 3,
     {"Kundeprosjekt", "Skymigrering", "Salgsmøte", NULL}},
    {"Sparebanken Fjordvik", S_PRIVATE, "Bedriftsmarked", 1, 1, 2,
     {"Kredittmøte", "Gavefondet", NULL}},
    {"Fjordvik Fjordhotell AS", S_PRIVATE, "Drift", 1, 1, 3,
     {"Sesongplanlegging", "Konferanser", NULL}},
    {"Fjordvik Røde Kors", S_VOLUNTARY, "Besøkstjenesten", 1, 1, 3,
     {"Besøksvenn", "Leksehjelp", NULL}},
    {"Flyktningvennen Fjordvik", S_VOLUNTARY, "Mentorgruppa", 1, 1, 3,
     {"Språkkafé", "Mentorordning", NULL}},
    {"Fjordvik IL", S_VOLUNTARY, "Barne- og ungdomsidretten", 1, 1, 3,
     {"Treningsplan", "Dugnad", "Alle med", NULL}},
    {"Frivilligsentralen Fjordvik", S_VOLUNTARY, "Frivilligsentralen", 1, 1, 3,
     {"Frivillighetsbørs", "Turgruppe", NULL}},
    {"Fjordvik høgskole", S_RESEARCH, "Institutt for helse- og sosialfag", 1, 1, 2,
     {"Forskningsprosjekt", "Veiledning", NULL}},
    {"Fjordvik høgskole", S_RESEARCH, "Senter for tjenesteinnovasjon", 0, 1, 1,
     {"Følgeforskning", NULL}},
    {"Innbyggere", S_CIVIL, "Innbyggerpanelet", 0, 0, 8, {NULL}},
};

static char id_prefix(int sector)
{
    switch (sector) {
    case S_PUBLIC: return 'K';
    case S_PRIVATE: return 'P';
    case S_VOLUNTARY: return 'V';
    case S_RESEARCH: return 'R';
    default: return 'C';
    }
}

/* --------------------------------------------------------------- names -- */

static const char *const FIRST[] = {
    "Åse", "Bjørn", "Håkon", "Ørjan", "Søren", "Kjærsti", "Gøril", "Tormod", "Sindre", "Ingrid",
    "Solveig", "Mari", "Kari", "Ola", "Lars", "Eirik", "Sigrid", "Ragnhild", "Torill", "Astrid",
    "Hege", "Trond", "Geir", "Knut", "Jørgen", "Mette", "Synnøve", "Dagfinn", "Åsmund", "Øystein",
    "Marit", "Liv", "Nils", "Anders", "Ingvild", "Guro", "Silje", "Thea", "Emil", "Jonas",
    "Vegard", "Tone", "Randi", "Steinar", "Hallvard", "Eldbjørg", "Bodil", "Frode", "Kjetil", "Ane",
    "Helene", "Martin", "Kristoffer", "Ida", "Nora", "Elin", "Berit", "Arild", "Rune", "Signe",
};
static const char *const LAST[] = {
    "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
    "Jensen", "Karlsen", "Johnsen", "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen",
    "Dahl", "Lund", "Solberg", "Strand", "Bakke", "Fjeld", "Moen", "Sæther",
    "Ødegård", "Bråten", "Løvås", "Mæhle", "Tørresen", "Sørensen", "Kvåle", "Nygård",
    "Aasen", "Holm", "Lie", "Myklebust", "Brekke", "Bjørnstad", "Vik", "Rønning",
    "Skår", "Hovland", "Grønlien", "Ås", "Kvamme", "Helland", "Tveit", "Østby",
    "Nesbø", "Årdal",
};
#define NFIRST ((int)(sizeof FIRST / sizeof FIRST[0]))
#define NLAST ((int)(sizeof LAST / sizeof LAST[0]))

/* ------------------------------------------------------------- actors -- */

#define MAX_ACTORS 200

typedef struct {
    char id[16];
    char name[64];
    int unit;       /* index into UNITS (organisation and sector come from it) */
    int level;
    int empty_unit; /* written with an empty unit cell */
    int isolate;    /* never takes part in anything */
    int nrec;
} Actor;

static Actor actors[MAX_ACTORS];
static int n_actors;

/* members[u]: actors of unit u that can collaborate (no isolates, no empty-unit actor) */
static int members[N_UNITS][32];
static int n_members[N_UNITS];

/* index of the k-th actor of unit u (in creation order, tops first) */
static int unit_actor(int u, int k)
{
    int seen = 0;
    for (int i = 0; i < n_actors; i++)
        if (actors[i].unit == u && seen++ == k)
            return i;
    fprintf(stderr, "make_example: internal error: unit %d has no actor %d\n", u, k);
    exit(2);
}

static int sector_of(int a) { return UNITS[actors[a].unit].sector; }
static int is_leader(int a) { return actors[a].level != L_FRONTLINE; }

static int name_taken(const char *name, int upto)
{
    for (int i = 0; i < upto; i++)
        if (strcmp(actors[i].name, name) == 0)
            return 1;
    return 0;
}

static void set_name(int a, const char *name)
{
    snprintf(actors[a].name, sizeof actors[a].name, "%s", name);
}

static void build_actors(void)
{
    int counter[5] = {0, 0, 0, 0, 0};
    for (int u = 0; u < N_UNITS; u++) {
        const UnitSpec *s = &UNITS[u];
        int total = s->ntop + s->nmid + s->nfront;
        for (int k = 0; k < total; k++) {
            Actor *a = &actors[n_actors];
            memset(a, 0, sizeof *a);
            a->unit = u;
            a->level = k < s->ntop ? L_TOP : (k < s->ntop + s->nmid ? L_MIDDLE : L_FRONTLINE);
            snprintf(a->id, sizeof a->id, "%c%03d", id_prefix(s->sector), ++counter[s->sector]);
            for (;;) {
                char buf[64];
                /* two statements: argument evaluation order is unspecified in C */
                const char *first = FIRST[rnd(NFIRST)];
                const char *last = LAST[rnd(NLAST)];
                snprintf(buf, sizeof buf, "%s %s", first, last);
                if (!name_taken(buf, n_actors)) {
                    set_name(n_actors, buf);
                    break;
                }
            }
            n_actors++;
        }
    }

    /* Fixed names: quoting cases and a few newcomers to Norway. */
    set_name(unit_actor(U_JOB, 5), "Berg, Ola Martin");   /* comma in the cell */
    set_name(unit_actor(U_IL, 0), "Per \"Pelle\" Ødegård"); /* double quote in the cell */
    set_name(unit_actor(U_REN, 2), "Amina Yusuf");
    set_name(unit_actor(U_REN, 3), "Tesfay Gebremedhin");
    set_name(unit_actor(U_REN, 4), "Ahmad Karimi");
    set_name(unit_actor(U_REN, 5), "Oksana Melnyk");
    set_name(unit_actor(U_FLY, 2), "Rahel Haile");
    set_name(unit_actor(U_CIV, 3), "Yonas Tekle");

    /* Isolates: a newly hired engineer, a bank adviser, a citizen who never showed up. */
    actors[unit_actor(U_TEK, 11)].isolate = 1;
    actors[unit_actor(U_BANK, 3)].isolate = 1;
    actors[unit_actor(U_CIV, 7)].isolate = 1;
    /* One volunteer not attached to any team: empty unit cell. */
    actors[unit_actor(U_FRI, 4)].empty_unit = 1;

    for (int i = 0; i < n_actors; i++) {
        if (actors[i].isolate || actors[i].empty_unit)
            continue;
        int u = actors[i].unit;
        members[u][n_members[u]++] = i;
    }
}

/* --------------------------------------------------------- activities -- */

#define MAX_GROUP 24

typedef struct {
    const char *name;
    int m[MAX_GROUP];
    int n;
} Group;

enum { G_BOOT1, G_BOOT2, G_SPRINT1, G_SPRINT2, G_SPRINT3, G_SPRINT4, G_JOBB, G_FORUM, N_GROUPS };
static Group groups[N_GROUPS] = {
    {"Lederbootcamp 2024 kull 1", {0}, 0},
    {"Lederbootcamp 2024 kull 2", {0}, 0},
    {"Sprintteam Ung i jobb", {0}, 0},
    {"Sprintteam Trygg hjemme", {0}, 0},
    {"Sprintteam Levende sentrum", {0}, 0},
    {"Sprintteam Grønn skolevei", {0}, 0},
    {"Jobbsjanse", {0}, 0},
    {"Frivillighetsforum 2023", {0}, 0},
};

static int in_group(int g, int a)
{
    for (int i = 0; i < groups[g].n; i++)
        if (groups[g].m[i] == a)
            return 1;
    return 0;
}

static void group_add(int g, int a)
{
    if (in_group(g, a))
        return;
    if (groups[g].n >= MAX_GROUP) {
        fprintf(stderr, "make_example: internal error: group %d full\n", g);
        exit(2);
    }
    groups[g].m[groups[g].n++] = a;
}

static int in_any_sprint(int a)
{
    for (int g = G_SPRINT1; g <= G_SPRINT4; g++)
        if (in_group(g, a))
            return 1;
    return 0;
}

/* Pick a member of unit u with the wanted level (-1 = any) not yet in group g,
 * preferring actors not yet in any sprint team when avoid_sprint is set. */
static int pick_member(int u, int level, int g, int avoid_sprint)
{
    int cand[32], nc = 0;
    for (int pass = 0; pass < 2 && nc == 0; pass++)
        for (int i = 0; i < n_members[u]; i++) {
            int a = members[u][i];
            if (level >= 0 && actors[a].level != level)
                continue;
            if (in_group(g, a))
                continue;
            if (pass == 0 && avoid_sprint && in_any_sprint(a))
                continue;
            cand[nc++] = a;
        }
    if (nc == 0) {
        fprintf(stderr, "make_example: internal error: no member left in unit %d\n", u);
        exit(2);
    }
    return cand[rnd(nc)];
}

typedef struct { int unit, count; } Slot;

static const Slot SPRINT_SPEC[4][10] = {
    {{U_JOB, 2}, {U_OPP, 1}, {U_REN, 1}, {U_IT, 1}, {U_IL, 1}, {U_FLY, 1}, {U_HS_INST, 1}, {U_CIV, 2}, {-1, 0}},
    {{U_HEL, 2}, {U_TEK, 1}, {U_BYGG, 1}, {U_IT, 1}, {U_RK, 1}, {U_HS_SENTER, 1}, {U_CIV, 2}, {-1, 0}},
    {{U_PLAN, 2}, {U_KUL, 1}, {U_HOT, 1}, {U_BANK, 1}, {U_IL, 1}, {U_FRI, 1}, {U_HS_SENTER, 1}, {U_CIV, 2}, {-1, 0}},
    {{U_OPP, 1}, {U_TEK, 1}, {U_PLAN, 1}, {U_HEL, 1}, {U_KUL, 1}, {U_BYGG, 1}, {U_IL, 1}, {U_FLY, 1}, {U_HS_INST, 1}, {U_CIV, 1}},
};

static void build_groups(void)
{
    /* Bootcamp: 30 of the 31 municipal leaders (top + middle), two cohorts of 15. */
    int lead[64], nl = 0;
    for (int u = U_RAD; u <= U_PLAN; u++)
        for (int i = 0; i < n_members[u]; i++)
            if (is_leader(members[u][i]))
                lead[nl++] = members[u][i];
    for (int i = nl - 1; i > 0; i--) { /* Fisher-Yates */
        int j = rnd(i + 1), t = lead[i];
        lead[i] = lead[j];
        lead[j] = t;
    }
    for (int i = 0; i < 30 && i < nl; i++)
        group_add(i < 15 ? G_BOOT1 : G_BOOT2, lead[i]);

    /* Sprint teams with mixed sectors, including citizens. */
    for (int t = 0; t < 4; t++) {
        int g = G_SPRINT1 + t;
        for (int k = 0; k < 10 && SPRINT_SPEC[t][k].unit >= 0; k++)
            for (int c = 0; c < SPRINT_SPEC[t][k].count; c++)
                group_add(g, pick_member(SPRINT_SPEC[t][k].unit, -1, g, 1));
    }
    group_add(G_SPRINT2, unit_actor(U_FRI, 4)); /* the volunteer with no unit */

    /* Jobbsjanse: job centre + cleaning company + refugee support. */
    group_add(G_JOBB, pick_member(U_JOB, L_MIDDLE, G_JOBB, 0));
    group_add(G_JOBB, unit_actor(U_JOB, 5)); /* "Berg, Ola Martin" */
    for (int c = 0; c < 5; c++)
        group_add(G_JOBB, pick_member(U_JOB, L_FRONTLINE, G_JOBB, 0));
    group_add(G_JOBB, unit_actor(U_REN, 0));
    group_add(G_JOBB, unit_actor(U_REN, 1));
    for (int k = 2; k <= 5; k++)
        group_add(G_JOBB, unit_actor(U_REN, k));
    group_add(G_JOBB, unit_actor(U_FLY, 0));
    group_add(G_JOBB, unit_actor(U_FLY, 1));
    group_add(G_JOBB, unit_actor(U_FLY, 2)); /* Rahel Haile */
    group_add(G_JOBB, pick_member(U_FLY, L_FRONTLINE, G_JOBB, 0));

    /* Frivillighetsforum 2023 (period A): culture department + voluntary sector. */
    group_add(G_FORUM, unit_actor(U_KUL, 0));
    group_add(G_FORUM, pick_member(U_KUL, L_MIDDLE, G_FORUM, 0));
    group_add(G_FORUM, unit_actor(U_FRI, 0));
    group_add(G_FORUM, unit_actor(U_FRI, 1));
    group_add(G_FORUM, unit_actor(U_FRI, 4)); /* the volunteer with no unit */
    group_add(G_FORUM, unit_actor(U_RK, 0));
    group_add(G_FORUM, pick_member(U_RK, L_FRONTLINE, G_FORUM, 0));
    group_add(G_FORUM, unit_actor(U_IL, 0)); /* Per "Pelle" Ødegård */
    group_add(G_FORUM, pick_member(U_IL, L_FRONTLINE, G_FORUM, 0));
    group_add(G_FORUM, unit_actor(U_FLY, 0));
}

/* -------------------------------------------------------------- dates -- */

/* Day numbers count from 2023-01-01 (a Sunday) = 0. */
static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}
static int ymd_to_day(int y, int m, int d)
{
    int n = 0;
    for (int yy = 2023; yy < y; yy++)
        n += is_leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; mm++)
        n += days_in_month(y, mm);
    return n + d - 1;
}
static void day_to_ymd(int n, int *y, int *m, int *d)
{
    int yy = 2023;
    while (n >= (is_leap(yy) ? 366 : 365)) {
        n -= is_leap(yy) ? 366 : 365;
        yy++;
    }
    int mm = 1;
    while (n >= days_in_month(yy, mm)) {
        n -= days_in_month(yy, mm);
        mm++;
    }
    *y = yy;
    *m = mm;
    *d = n + 1;
}

/* A working day in [lo, hi]; July and the Christmas week are quiet. */
static int random_workday(int lo, int hi)
{
    for (;;) {
        int n = lo + rnd(hi - lo + 1);
        int dow = n % 7; /* 0 = Sunday */
        if (dow == 0 || dow == 6)
            continue;
        int y, m, d;
        day_to_ymd(n, &y, &m, &d);
        if ((m == 7 || (m == 12 && d >= 22)) && rnd(4) != 0)
            continue;
        return n;
    }
}

/* ------------------------------------------------------------ records -- */

enum { T_MEETING, T_PROJECT, T_CASE, T_REFERRAL, T_EMAIL };
static const char *const TYPE_NAME[] = {"meeting", "project", "case", "referral", "email"};

enum {
    K_WITHIN,   /* same unit */
    K_LEADER,   /* A: municipal leaders across departments */
    K_FORUM_SS, /* A: Frivillighetsforum, same sector, different organisations */
    K_FORUM_XS, /* A: Frivillighetsforum, across sectors */
    K_PLAUS,    /* both: established cross-sector partnerships */
    K_BOOT,     /* B: bootcamp participants across departments */
    K_XDEPT,    /* B: other municipal cross-department work */
    K_SPRINT_SS,/* B: sprint team, same sector, different units */
    K_SPRINT_XS,/* B: sprint team, across sectors */
    K_JOBB,     /* B: Jobbsjanse, across sectors */
    N_KINDS
};

typedef struct {
    int a, b;
    int kind;
    int ctx; /* unit, group or partnership index */
} Pair;

typedef struct {
    int src, dst, day, weight, type;
    const char *act;
    int seq;
} Rec;

#define MAX_RECS 1000
static Rec recs[MAX_RECS];
static int n_recs;

#define MAX_PAIRS 400
static Pair bucket[2][N_KINDS][MAX_PAIRS];
static int n_bucket[2][N_KINDS];

typedef struct {
    int u1, u2;
    const char *act;
    int period_b_only;
} Partnership;

static const Partnership PARTNERS[] = {
    {U_HEL, U_RK, "Besøksvenn på sykehjem", 0},
    {U_TEK, U_BYGG, "Ny brannstasjon", 0},
    {U_PLAN, U_BANK, "Næringsfondet", 0},
    {U_PLAN, U_HOT, "Reiselivsstrategi", 0},
    {U_OPP, U_HS_INST, "Praksisavtale lærerutdanning", 0},
    {U_JOB, U_REN, "Arbeidstrening", 0},
    {U_RAD, U_IT, "Digitaliseringsstrategi", 0},
    {U_KUL, U_IL, "Idrettsanlegg Fjordvik stadion", 0},
    {U_JOB, U_FLY, "Introduksjonsprogrammet", 1},
    {U_HEL, U_FRI, "Aktivitetsvenn", 1},
    {U_JOB, U_HOT, "Arbeidstrening", 1},
    {U_HEL, U_HS_SENTER, "Velferdsteknologi", 1},
    {U_OPP, U_IL, "Aktiv skolegård", 1},
};
#define N_PARTNERS ((int)(sizeof PARTNERS / sizeof PARTNERS[0]))

static const char *const BOOT_ACTS[] = {
    "Helhetlig oppfølging av unge", "Felles innbyggerdialog", "Bolig, arbeid og helse",
    "Tjenestedesign i praksis",
};

static int pick_unit_weighted(void)
{
    int total = 0;
    for (int u = 0; u < N_UNITS; u++)
        if (u != U_CIV && n_members[u] >= 2)
            total += n_members[u];
    int r = rnd(total);
    for (int u = 0; u < N_UNITS; u++) {
        if (u == U_CIV || n_members[u] < 2)
            continue;
        if (r < n_members[u])
            return u;
        r -= n_members[u];
    }
    return U_JOB;
}

static Pair make_pair(int a, int b, int kind, int ctx)
{
    Pair p;
    p.a = a;
    p.b = b;
    p.kind = kind;
    p.ctx = ctx;
    return p;
}

static int unit_key_differs(int a, int b)
{
    return actors[a].empty_unit || actors[b].empty_unit || actors[a].unit != actors[b].unit;
}

/* A random pair from group g that satisfies the condition:
 * cross_sector = 1: different sectors; 0: same sector, different units. */
static int group_pair(int g, int cross_sector, int *pa, int *pb)
{
    int ca[MAX_GROUP * MAX_GROUP], cb[MAX_GROUP * MAX_GROUP], nc = 0;
    for (int i = 0; i < groups[g].n; i++)
        for (int j = i + 1; j < groups[g].n; j++) {
            int a = groups[g].m[i], b = groups[g].m[j];
            int xs = sector_of(a) != sector_of(b);
            if (cross_sector ? xs : (!xs && unit_key_differs(a, b))) {
                ca[nc] = a;
                cb[nc] = b;
                nc++;
            }
        }
    if (nc == 0)
        return 0;
    int k = rnd(nc);
    *pa = ca[k];
    *pb = cb[k];
    return 1;
}

static Pair gen_new(int period, int kind)
{
    int a = -1, b = -1;
    switch (kind) {
    case K_WITHIN: {
        int u = pick_unit_weighted();
        int i = rnd(n_members[u]), j = rnd(n_members[u] - 1);
        if (j >= i)
            j++;
        return make_pair(members[u][i], members[u][j], kind, u);
    }
    case K_LEADER:
    case K_XDEPT:
        for (;;) {
            int ua = rnd(U_PLAN + 1), ub = rnd(U_PLAN + 1);
            if (ua == ub)
                continue;
            a = members[ua][rnd(n_members[ua])];
            b = members[ub][rnd(n_members[ub])];
            if (kind == K_LEADER) {
                /* mostly leader meetings; sometimes a leader and someone else */
                if (!is_leader(a) || (!is_leader(b) && chance(700)))
                    continue;
            }
            return make_pair(a, b, kind, 0);
        }
    case K_FORUM_SS:
    case K_FORUM_XS:
        group_pair(G_FORUM, kind == K_FORUM_XS, &a, &b);
        return make_pair(a, b, kind, G_FORUM);
    case K_PLAUS:
        for (;;) {
            int k = rnd(N_PARTNERS);
            if (PARTNERS[k].period_b_only && period == 0)
                continue;
            int u1 = PARTNERS[k].u1, u2 = PARTNERS[k].u2;
            a = members[u1][rnd(n_members[u1])];
            b = members[u2][rnd(n_members[u2])];
            return make_pair(a, b, kind, k);
        }
    case K_BOOT:
        for (;;) {
            int g1 = G_BOOT1 + rnd(2);
            int g2 = chance(700) ? g1 : G_BOOT1 + G_BOOT2 - g1;
            a = groups[g1].m[rnd(groups[g1].n)];
            b = groups[g2].m[rnd(groups[g2].n)];
            if (actors[a].unit == actors[b].unit)
                continue;
            return make_pair(a, b, kind, g1 == g2 ? g1 : -1);
        }
    case K_SPRINT_SS:
    case K_SPRINT_XS:
        for (;;) {
            int g = G_SPRINT1 + rnd(4);
            if (group_pair(g, kind == K_SPRINT_XS, &a, &b))
                return make_pair(a, b, kind, g);
        }
    case K_JOBB:
        group_pair(G_JOBB, 1, &a, &b);
        return make_pair(a, b, kind, G_JOBB);
    default:
        break;
    }
    fprintf(stderr, "make_example: internal error: kind %d\n", kind);
    exit(2);
}

static Pair get_pair(int period, int kind)
{
    /* Repeated collaboration: reuse a pair already seen (within-unit ties also
     * persist from period A into period B). */
    if (kind == K_WITHIN && period == 1 && n_bucket[0][K_WITHIN] > 0 && chance(200))
        return bucket[0][K_WITHIN][rnd(n_bucket[0][K_WITHIN])];
    int reuse = kind == K_WITHIN ? (period == 0 ? 450 : 300) : 350;
    int nb = n_bucket[period][kind];
    if (nb > 0 && chance(reuse))
        return bucket[period][kind][rnd(nb)];
    Pair p = gen_new(period, kind);
    if (nb < MAX_PAIRS) {
        bucket[period][kind][nb] = p;
        n_bucket[period][kind] = nb + 1;
    }
    return p;
}

static int pick_type(const int *pm /* per-mille for meeting, project, case, referral, email */)
{
    int r = rnd(1000);
    for (int t = 0; t < 5; t++) {
        if (r < pm[t])
            return t;
        r -= pm[t];
    }
    return T_EMAIL;
}

static int weight_for(int type)
{
    switch (type) {
    case T_EMAIL: return 1;
    case T_MEETING: return 1 + rnd(2);
    case T_REFERRAL: return 1 + rnd(2);
    case T_CASE: return 1 + rnd(3);
    default: return 2 + rnd(3); /* project */
    }
}

static int count_acts(const char *const *acts)
{
    int n = 0;
    while (n < 6 && acts[n])
        n++;
    return n;
}

static void emit(int period, Pair p)
{
    static const int P_WITHIN_SERVICE[5] = {300, 100, 300, 0, 300};
    static const int P_WITHIN_OTHER[5] = {400, 250, 0, 0, 350};
    static const int P_LEADER[5] = {600, 250, 0, 0, 150};
    static const int P_FORUM[5] = {700, 0, 0, 0, 300};
    static const int P_PLAUS[5] = {450, 300, 0, 0, 250};
    static const int P_PLAUS_REF[5] = {300, 150, 150, 250, 150};
    static const int P_BOOT[5] = {450, 400, 0, 0, 150};
    static const int P_XDEPT[5] = {400, 0, 400, 0, 200};
    static const int P_SPRINT[5] = {500, 400, 0, 0, 100};
    static const int P_JOBB_PUB[5] = {250, 0, 250, 400, 100};
    static const int P_JOBB_OTHER[5] = {700, 0, 0, 0, 300};

    int lo = period == 0 ? ymd_to_day(2023, 1, 1) : ymd_to_day(2024, 2, 1);
    int hi = period == 0 ? ymd_to_day(2023, 12, 31) : ymd_to_day(2024, 12, 31);
    int type = T_MEETING;
    const char *act = NULL;
    int src = p.a, dst = p.b;
    if (chance(500)) {
        src = p.b;
        dst = p.a;
    }

    switch (p.kind) {
    case K_WITHIN: {
        int u = p.ctx;
        int service = u == U_JOB || u == U_OPP || u == U_HEL;
        type = pick_type(service ? P_WITHIN_SERVICE : P_WITHIN_OTHER);
        int na = count_acts(UNITS[u].acts);
        act = UNITS[u].acts[rnd(na)];
        if ((type == T_EMAIL && chance(400)) || (type == T_MEETING && chance(150)))
            act = NULL;
        break;
    }
    case K_LEADER:
        type = pick_type(P_LEADER);
        act = type == T_MEETING ? "Ledermøte" : type == T_PROJECT ? "Økonomiplan 2024-2027"
              : (chance(500) ? "Budsjett 2024" : NULL);
        break;
    case K_FORUM_SS:
    case K_FORUM_XS:
        type = pick_type(P_FORUM);
        act = groups[G_FORUM].name;
        break;
    case K_PLAUS: {
        /* the job centre and health & care refer clients to their partners */
        int u1 = PARTNERS[p.ctx].u1;
        int refers = u1 == U_JOB || u1 == U_HEL;
        type = pick_type(refers ? P_PLAUS_REF : P_PLAUS);
        act = PARTNERS[p.ctx].act;
        if (type == T_REFERRAL) { /* p.a belongs to u1 */
            src = p.a;
            dst = p.b;
        }
        if (type == T_EMAIL && chance(300))
            act = NULL;
        break;
    }
    case K_BOOT:
        type = pick_type(P_BOOT);
        if (p.ctx >= 0 && type == T_MEETING && chance(500))
            act = groups[p.ctx].name; /* cohort learning group */
        else
            act = BOOT_ACTS[(p.a + p.b) % 4];
        break;
    case K_XDEPT:
        type = pick_type(P_XDEPT);
        act = type == T_CASE ? "Tverrfaglig team" : (chance(500) ? "Ledermøte" : NULL);
        break;
    case K_SPRINT_SS:
    case K_SPRINT_XS: {
        static const int win[4][4] = {
            {2024, 3, 1, 0}, {2024, 4, 2, 0}, {2024, 8, 12, 0}, {2024, 9, 2, 0}};
        static const int end[4][3] = {{2024, 5, 31}, {2024, 6, 21}, {2024, 10, 31}, {2024, 11, 29}};
        int t = p.ctx - G_SPRINT1;
        lo = ymd_to_day(win[t][0], win[t][1], win[t][2]);
        hi = ymd_to_day(end[t][0], end[t][1], end[t][2]);
        type = pick_type(P_SPRINT);
        act = groups[p.ctx].name;
        break;
    }
    case K_JOBB: {
        int pub = sector_of(p.a) == S_PUBLIC ? p.a : (sector_of(p.b) == S_PUBLIC ? p.b : -1);
        type = pick_type(pub >= 0 ? P_JOBB_PUB : P_JOBB_OTHER);
        act = groups[G_JOBB].name;
        if (type == T_REFERRAL) { /* the job centre refers */
            src = pub;
            dst = pub == p.a ? p.b : p.a;
        }
        break;
    }
    default:
        break;
    }

    if (n_recs >= MAX_RECS) {
        fprintf(stderr, "make_example: internal error: too many records\n");
        exit(2);
    }
    Rec *r = &recs[n_recs];
    r->src = src;
    r->dst = dst;
    r->type = type;
    r->weight = weight_for(type);
    r->act = act;
    r->day = random_workday(lo, hi);
    r->seq = n_recs;
    actors[src].nrec++;
    actors[dst].nrec++;
    n_recs++;
}

typedef struct { int kind, pm; } Mix;

static const Mix MIX_A[] = {
    {K_WITHIN, 840}, {K_LEADER, 55}, {K_FORUM_SS, 15}, {K_FORUM_XS, 40}, {K_PLAUS, 50}, {-1, 0}};
static const Mix MIX_B[] = {
    {K_WITHIN, 560}, {K_BOOT, 110}, {K_SPRINT_SS, 35}, {K_XDEPT, 30},
    {K_JOBB, 100}, {K_SPRINT_XS, 95}, {K_PLAUS, 70}, {-1, 0}};

static void generate_period(int period, int n, const Mix *mix)
{
    for (int i = 0; i < n; i++) {
        int r = rnd(1000), kind = K_WITHIN;
        for (int k = 0; mix[k].kind >= 0; k++) {
            if (r < mix[k].pm) {
                kind = mix[k].kind;
                break;
            }
            r -= mix[k].pm;
        }
        emit(period, get_pair(period, kind));
    }
}

/* Every actor except the planned isolates gets at least one record. */
static void ensure_coverage(void)
{
    for (int a = 0; a < n_actors; a++) {
        if (actors[a].isolate || actors[a].nrec > 0)
            continue;
        int done = 0;
        for (int g = G_SPRINT1; g <= G_SPRINT4 && !done; g++) {
            if (!in_group(g, a))
                continue;
            for (int tries = 0; tries < 100 && !done; tries++) {
                int b = groups[g].m[rnd(groups[g].n)];
                if (b != a && sector_of(b) != sector_of(a)) {
                    emit(1, make_pair(a, b, K_SPRINT_XS, g));
                    done = 1;
                }
            }
        }
        if (!done && in_group(G_JOBB, a)) {
            for (int tries = 0; tries < 100 && !done; tries++) {
                int b = groups[G_JOBB].m[rnd(groups[G_JOBB].n)];
                if (sector_of(b) != sector_of(a)) {
                    emit(1, make_pair(a, b, K_JOBB, G_JOBB));
                    done = 1;
                }
            }
        }
        if (!done) {
            int u = actors[a].unit;
            if (n_members[u] >= 2) {
                int b;
                do
                    b = members[u][rnd(n_members[u])];
                while (b == a);
                emit(rnd(2), make_pair(a, b, K_WITHIN, u));
                done = 1;
            }
        }
        if (!done) {
            fprintf(stderr, "make_example: internal error: cannot cover %s\n", actors[a].id);
            exit(2);
        }
    }
}

static int cmp_rec(const void *x, const void *y)
{
    const Rec *a = x, *b = y;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return a->seq < b->seq ? -1 : (a->seq > b->seq ? 1 : 0);
}

/* ------------------------------------------------------------- output -- */

static int write_error;

static void put_field(FILE *f, const char *s)
{
    if (!s)
        s = "";
    if (strpbrk(s, ",\"\r\n")) {
        if (fputc('"', f) == EOF)
            write_error = 1;
        for (const char *c = s; *c; c++) {
            if (*c == '"' && fputc('"', f) == EOF)
                write_error = 1;
            if (fputc(*c, f) == EOF)
                write_error = 1;
        }
        if (fputc('"', f) == EOF)
            write_error = 1;
    } else if (fputs(s, f) == EOF) {
        write_error = 1;
    }
}

static void put_sep(FILE *f, char c)
{
    if (fputc(c, f) == EOF)
        write_error = 1;
}

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "make_example: path too long: %s/%s\n", dir, name);
        exit(1);
    }
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

static void close_out(FILE *f, const char *name)
{
    if (fclose(f) != 0 || write_error) {
        fprintf(stderr, "make_example: error writing %s\n", name);
        exit(1);
    }
}

static void write_actors(const char *dir)
{
    FILE *f = open_out(dir, "actors.csv");
    if (fputs("id,name,sector,organisation,unit,level\n", f) == EOF)
        write_error = 1;
    for (int i = 0; i < n_actors; i++) {
        const Actor *a = &actors[i];
        const UnitSpec *u = &UNITS[a->unit];
        put_field(f, a->id);
        put_sep(f, ',');
        put_field(f, a->name);
        put_sep(f, ',');
        put_field(f, SECTOR_NAME[u->sector]);
        put_sep(f, ',');
        put_field(f, u->org);
        put_sep(f, ',');
        put_field(f, a->empty_unit ? "" : u->unit);
        put_sep(f, ',');
        put_field(f, LEVEL_NAME[a->level]);
        put_sep(f, '\n');
    }
    close_out(f, "actors.csv");
}

static void write_records(const char *dir)
{
    FILE *f = open_out(dir, "records.csv");
    if (fputs("source,target,weight,date,type,activity\n", f) == EOF)
        write_error = 1;
    for (int i = 0; i < n_recs; i++) {
        const Rec *r = &recs[i];
        int y, m, d;
        day_to_ymd(r->day, &y, &m, &d);
        if (fprintf(f, "%s,%s,%d,%04d-%02d-%02d,%s,", actors[r->src].id, actors[r->dst].id,
                    r->weight, y, m, d, TYPE_NAME[r->type]) < 0)
            write_error = 1;
        put_field(f, r->act);
        put_sep(f, '\n');
    }
    close_out(f, "records.csv");
}

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

static int write_affiliations(const char *dir)
{
    int rows = 0;
    FILE *f = open_out(dir, "affiliations.csv");
    if (fputs("actor,activity\n", f) == EOF)
        write_error = 1;
    for (int g = 0; g < N_GROUPS; g++) {
        int m[MAX_GROUP];
        memcpy(m, groups[g].m, sizeof m);
        qsort(m, (size_t)groups[g].n, sizeof m[0], cmp_int);
        for (int i = 0; i < groups[g].n; i++) {
            put_field(f, actors[m[i]].id);
            put_sep(f, ',');
            put_field(f, groups[g].name);
            put_sep(f, '\n');
            rows++;
        }
    }
    close_out(f, "affiliations.csv");
    return rows;
}

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ".";
    if (argc > 2) {
        fprintf(stderr, "usage: %s [output-directory]\n", argv[0]);
        return 1;
    }
    build_actors();
    build_groups();
    generate_period(0, 300, MIX_A);
    generate_period(1, 300, MIX_B);
    ensure_coverage();
    qsort(recs, (size_t)n_recs, sizeof recs[0], cmp_rec);

    write_actors(dir);
    write_records(dir);
    int rows = write_affiliations(dir);
    fprintf(stderr, "make_example: %d actors, %d records, %d affiliations written to %s\n",
            n_actors, n_recs, rows, dir);
    return 0;
}
