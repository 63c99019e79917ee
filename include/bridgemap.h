/* bridgemap.h: the whole public API of libbridgemap. */
#ifndef BRIDGEMAP_H
#define BRIDGEMAP_H
#include "bridgemap/common.h"
#include "bridgemap/network.h"
#include "bridgemap/load.h"
#include "bridgemap/table.h"
#include "bridgemap/measures.h"
#include "bridgemap/output.h"
#include "bridgemap/render.h"
#include "bridgemap/export.h"
#include "bridgemap/compare.h"
#include "bridgemap/analysis.h"
#include "bridgemap/mpi.h"
#include "bridgemap/options.h"
#endif
