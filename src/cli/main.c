/* main.c: the bridgemap command: a table of subcommands, one file each.
 * The command is a thin layer over libbridgemap's public API.
 *
 * Under mpirun every rank runs the same command (bridgemap/mpi.h): main
 * joins the MPI job first, and at the end the ranks agree on one exit code.
 * Only rank 0 writes and prints (cli_leader); a failure that another rank
 * had alone is reported here by that rank, once. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

typedef struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} subcommand;

static const subcommand subcommands[] = {
    {"analyze", cmd_analyze, "measure a collaboration network: tables, summary, maps and report"},
    {"render", cmd_render, "draw a map (.svg .png .pdf .dot): network, silo or group view"},
    {"ego", cmd_ego, "draw one actor and all within --radius steps, with its broker roles"},
    {"compare", cmd_compare, "did it change? two periods side by side, with a test of the change"},
    {"suggest", cmd_suggest, "rank introductions that would most reduce the separation of groups"},
    {"convert", cmd_convert, "export the network and its measures: GraphML, GEXF or Kumu JSON"},
};

static void print_help(FILE *f)
{
    fprintf(f,
            "Usage: bridgemap COMMAND [OPTIONS] RECORDS.csv\n"
            "\n"
            "Who works with whom across silos, who holds the network together.\n"
            "RECORDS.csv has one collaboration record per row (columns source, target,\n"
            "and optionally weight and date); --actors names the actors file (id, sector,\n"
            "organisation, unit, level, name, ...).\n"
            "\n"
            "Commands:\n");
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        fprintf(f, "  %-10s %s\n", subcommands[i].name, subcommands[i].summary);
    fprintf(f,
            "\n"
            "Options:\n"
            "  -h, --help     show this help (each command has its own: bridgemap analyze\n"
            "                 --help)\n"
            "  --version      print the version\n"
            "\n"
            "Exit codes: 0 success; 1 bad input (message names FILE:LINE:COLUMN);\n"
            "2 bad usage; 3 internal error or failure to write outputs.\n"
            "\n"
            "Across machines: mpirun -n P bridgemap analyze ... splits the work over P\n"
            "processes with the same results (see bridgemap analyze --help).\n");
}

static int run(int argc, char **argv)
{
    int speak = cli_leader();
    if (argc < 2) {
        if (speak)
            fprintf(stderr, "bridgemap: no command given\nTry 'bridgemap --help'.\n");
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (speak)
            print_help(stdout);
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 3;
    }
    if (strcmp(cmd, "--version") == 0) {
        if (speak)
            printf("bridgemap %s\n", bm_version());
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 3;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (strcmp(cmd, subcommands[i].name) == 0)
            return subcommands[i].run(argc - 2, argv + 2);
    if (speak)
        fprintf(stderr, "bridgemap: unknown command '%s'\nTry 'bridgemap --help'.\n", cmd);
    return 2;
}

/* The exit code of the whole MPI job (rc itself without MPI). Rank 0 has
 * printed its own failure; a rank that failed while rank 0 did not (an
 * input missing on its machine, say) prints its message here. A failing
 * rank whose peers do not answer stops the job rather than leave them
 * waiting for it forever. */
static int finish(int rc)
{
    int code = rc, first = -1, me = bm_mpi_rank();
    char message[1024];
    snprintf(message, sizeof message, "%s", bm_error_last()[0] ? bm_error_last() : "failed");
    if (!bm_mpi_agree(&code, &first)) {
        if (me != 0)
            fprintf(stderr, "bridgemap: MPI rank %d: %s\n", me, message);
        fprintf(stderr, "bridgemap: MPI rank %d: the other ranks did not finish; stopping the job\n", me);
        bm_mpi_abort(rc);
        return rc;
    }
    if (first > 0 && first == me)
        fprintf(stderr, "bridgemap: MPI rank %d: %s\n", me, message);
    bm_mpi_finish();
    return code;
}

int main(int argc, char **argv)
{
    /* Before anything reads argv: MPI_Init may take its own arguments out. */
    bm_status st = bm_mpi_start(&argc, &argv);
    if (st != BM_OK) {
        if (cli_leader())
            fprintf(stderr, "bridgemap: %s\n", bm_error_last());
        return (int)st;
    }
    return finish(run(argc, argv));
}
