/* main.c: the bridgemap command: a table of subcommands, one file each.
 * The command is a thin layer over libbridgemap's public API. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

typedef struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} subcommand;

static const subcommand subcommands[] = {
    {"analyze", cmd_analyze, "measure a collaboration network and write tables, summary and map"},
    {"render", cmd_render, "draw a stakeholder map (.svg, .png, .pdf or .dot)"},
    {"suggest", cmd_suggest, "rank introductions that would most reduce the separation of groups"},
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
            "  -h, --help     show this help (each command has its own: bridgemap analyze --help)\n"
            "  --version      print the version\n"
            "\n"
            "Exit codes: 0 success; 1 bad input (message names FILE:LINE:COLUMN);\n"
            "2 bad usage; 3 internal error or failure to write outputs.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "bridgemap: no command given\nTry 'bridgemap --help'.\n");
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        print_help(stdout);
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 3;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("bridgemap %s\n", bm_version());
        return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 3;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++)
        if (strcmp(cmd, subcommands[i].name) == 0)
            return subcommands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "bridgemap: unknown command '%s'\nTry 'bridgemap --help'.\n", cmd);
    return 2;
}
