/* replay.h: the main() every fuzz target shares when it is not built for
 * libFuzzer: it feeds every file of the directories given (the corpora, at
 * most 1 MiB of each) to LLVMFuzzerTestOneInput, which ctest runs under
 * ASan+UBSan in make test-sanitize. Include it last, after the target. */
#ifndef BM_FUZZ_REPLAY_H
#define BM_FUZZ_REPLAY_H
#ifndef BM_LIBFUZZER
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    size_t n = 0;
    for (int a = 1; a < argc; a++) {
        DIR *d = opendir(argv[a]);
        if (!d) {
            perror(argv[a]);
            return 2;
        }
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char p[4096];
            snprintf(p, sizeof p, "%s/%s", argv[a], e->d_name);
            FILE *f = fopen(p, "rb");
            if (!f)
                continue;
            uint8_t *buf = malloc(1 << 20);
            size_t got = buf ? fread(buf, 1, 1 << 20, f) : 0;
            fclose(f);
            if (!buf)
                return 2;
            LLVMFuzzerTestOneInput(buf, got);
            free(buf);
            n++;
        }
        closedir(d);
    }
    printf("%zu passed, 0 failed\n", n);
    return n > 0 ? 0 : 1;
}
#endif
#endif
