# The two commands of the README: `make run` and `make test`.
# Both install what is missing (Debian 12), configure CMake out of source in
# build/ and build; `run` analyses the bundled example into out/, `test` runs
# the whole ctest suite. `make test-sanitize` runs it again under ASan+UBSan.
# `make notebooks` executes the notebooks into out/notebooks/.

BUILD ?= build
JOBS ?= 2
EXAMPLE = datasets/fjordvik

PREFIX ?= /usr/local

.PHONY: all deps test-deps build run test test-sanitize bench clean install notebooks

all: build

deps:
	scripts/deps.sh

test-deps:
	scripts/deps.sh --test

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

run: build
	$(BUILD)/bridgemap analyze $(EXAMPLE)/records.csv --actors $(EXAMPLE)/actors.csv \
	  --affiliations $(EXAMPLE)/affiliations.csv --title "Fjordvik: who works with whom" -o out
	$(BUILD)/bridgemap compare $(EXAMPLE)/records.csv --actors $(EXAMPLE)/actors.csv \
	  --split-date 2024-01-01 --group unit -o out/compare

# bridgemap, libbridgemap.so/.a, include/bridgemap*, bridgemap.pc, the man page and the Python
# binding under $(PREFIX) (default /usr/local); DESTDIR=/tmp/stage stages the tree for a package.
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

test: test-deps build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

test-sanitize: test-deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBRIDGEMAP_SANITIZE=ON -DBRIDGEMAP_BENCH=OFF
	cmake --build build-asan -j$(JOBS)
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	  ctest --output-on-failure -j$(JOBS)

# Executes notebooks/*.ipynb with this build's Python binding (Debian's python3 and
# nbconvert); the executed copies, with their tables and maps, go to out/notebooks/.
notebooks: test-deps build
	/usr/bin/python3 tests/python/run_notebooks.py --library $(BUILD)/libbridgemap.so \
	  --source . --out out/notebooks

bench: build
	bench/run.sh

clean:
	rm -rf $(BUILD) build-asan out
