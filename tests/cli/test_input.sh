#!/bin/bash
# test_input.sh: input as people bring it (issue 8's spreadsheets part and
# issue 12's silent failures): Danish headers and Windows-1252 semicolon
# exports, named columns, --delimiter, --encoding, --date-format, thousands
# separators, empty weights, actors the actors file does not list, --strict,
# and files that share no ids. Every message is checked whole.
# Run: bash tests/cli/test_input.sh PATH_TO_BRIDGEMAP PATH_TO_SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"

# stderr_line N: line N of the last command's stderr
stderr_line() { sed -n "${1}p" "$T/.stderr"; }

# ---- a Danish Excel export: Windows-1252, semicolons, CRLF, Danish header,
#      decimal commas, d.m.Y dates; actors with Aktør/Navn/Sektor ----------
printf 'Fra;Til;V\xe6gt;Dato\r\nS\xf8ren;\xc5se;1,5;3.1.2024\r\n\xc5se;Bj\xf8rn;2;15.02.2024\r\nS\xf8ren;\xc5se;0,5;1.3.2024\r\n' > dk_records.csv
printf 'Akt\xf8r;Navn;sector\r\nS\xf8ren;S\xf8ren Holm;public\r\n\xc5se;\xc5se Berg;private\r\nBj\xf8rn;Bj\xf8rn Dal;voluntary\r\n' > dk_actors.csv
run analyze dk_records.csv --actors dk_actors.csv --date-format d.m.Y -o dk --quiet
assert_exit 0 "Danish Windows-1252 export"
assert_stderr_empty "Danish export: no warning"
# ties.csv in UTF-8: Søren-Åse weighs 1.5 + 0.5 = 2 over 2 records
got=$("$PY" - <<'PY'
import csv
rows = list(csv.DictReader(open('dk/ties.csv', encoding='utf-8', newline='')))
t = {frozenset((r['source'], r['target'])): (float(r['weight']), r['count']) for r in rows}
print(len(rows), t[frozenset(('Søren', 'Åse'))], t[frozenset(('Åse', 'Bjørn'))])
PY
)
assert_eq "$got" "2 (2.0, '2') (2.0, '1')" "Danish export: ties and summed weights"
run analyze dk_records.csv --actors dk_actors.csv --date-format d.m.Y --from 2024-02-01 -o dk2 --quiet
assert_exit 0 "Danish export with --from"
assert_eq "$("$PY" -c "import json;print(json.load(open('dk2/summary.json'))['loading']['records_outside_window'])" 2>/dev/null || echo missing)" "1" "d.m.Y dates placed in the window"

# without --date-format: the hint names the form
run analyze dk_records.csv -o x
assert_exit 1 "d.m.Y dates without --date-format"
assert_eq "$(stderr_line 1)" "bridgemap: dk_records.csv:2:4: date '3.1.2024' is not an ISO 8601 date (YYYY-MM-DD); if the file writes dates as d.m.Y, give --date-format d.m.Y" "date hint"
assert_dir_clean x "no output after the date error"

# ---- named columns -------------------------------------------------------
printf 'giver,taker,styrke,when\nA,B,2,2024-01-01\nB,C,3,2024-01-02\n' > named.csv
run analyze named.csv -o n1 --quiet
assert_exit 1 "unknown column names"
assert_eq "$(stderr_line 1)" "bridgemap: named.csv:1: no source column in the header (looked for source, from, fra, sender, afsender, source_id; it has 'giver', 'taker', 'styrke', 'when'); name it with --source-col" "no source column"
run analyze named.csv --source-col giver --target-col taker --date-col when --from 2024-01-02 -o n2 --quiet
assert_exit 0 "--source-col/--target-col/--date-col"
assert_eq "$("$PY" -c "import csv;print([(r['source'],r['target'],r['weight']) for r in csv.DictReader(open('n2/ties.csv'))])")" "[('B', 'C', '3')]" "named columns: styrke is the weight, when the date"
run analyze named.csv --source-col giver --target-col nope -o n3
assert_exit 1 "--target-col naming no column"
assert_eq "$(stderr_line 1)" "bridgemap: named.csv:1: no column 'nope' (--target-col) in the header; it has 'giver', 'taker', 'styrke', 'when'" "--target-col unknown"

# ---- --delimiter and --encoding ----------------------------------------------
printf 'source|target|weight\nA|B|2\nB|C|1\n' > pipe.csv
run analyze pipe.csv -o p1 --quiet
assert_exit 1 "pipe-separated file without --delimiter"
run analyze pipe.csv --delimiter '|' -o p2 --quiet
assert_exit 0 "--delimiter |"
assert_eq "$(nl=$("$PY" -c "import csv;print(sum(1 for _ in csv.DictReader(open('p2/ties.csv'))))"); echo $nl)" "2" "--delimiter |: two ties"
run analyze pipe.csv --delimiter ':' -o p3
assert_exit 2 "--delimiter :"
assert_eq "$(stderr_line 1)" "bridgemap: --delimiter must be one of , ; | or tab, not ':'" "--delimiter message"
# ISO-8859-15 has the euro sign at 0xA4 where Windows-1252 has the currency sign
printf 'source,target\nK\xa4r,B\n' > latin9.csv
run analyze latin9.csv --encoding iso-8859-15 -o e1 --quiet
assert_exit 0 "--encoding iso-8859-15"
assert_file_contains e1/actors.csv "K€r" "--encoding iso-8859-15 read as such"
run analyze latin9.csv --encoding utf-8 -o e2
assert_exit 1 "--encoding utf-8 on a Latin-9 file"
assert_eq "$(stderr_line 1)" "bridgemap: latin9.csv:2: not valid UTF-8 (byte 16 of the file; --encoding utf-8 was given)" "--encoding utf-8 message"
run analyze latin9.csv --encoding ebcdic -o e3
assert_exit 2 "--encoding ebcdic"
assert_eq "$(stderr_line 1)" "bridgemap: --encoding 'ebcdic' is not one of utf-8, windows-1252, latin-1, iso-8859-15, utf-16, utf-16le, utf-16be" "--encoding unknown"
run analyze named.csv --date-format y.m.d -o e4
assert_exit 2 "--date-format unknown"
assert_eq "$(stderr_line 1)" "bridgemap: --date-format 'y.m.d' is not one of Y-m-d, d-m-Y, d.m.Y, d/m/Y, m/d/Y, Y/m/d" "--date-format message"

# ---- dates ------------------------------------------------------------------
printf 'source,target,date\nA,B,30/01/2024\nB,C,2024-02-30\n' > dates.csv
run analyze dates.csv --date-format d/m/Y -o d1
assert_exit 1 "ISO date in a d/m/Y file"
assert_eq "$(stderr_line 1)" "bridgemap: dates.csv:3:3: date '2024-02-30' does not have the form d/m/Y" "wrong form"
printf 'source,target,date\nA,B,30/02/2024\n' > feb30.csv
run analyze feb30.csv --date-format d/m/Y -o d2
assert_exit 1 "30/02/2024"
assert_eq "$(stderr_line 1)" "bridgemap: feb30.csv:2:3: date '30/02/2024' is not a day of the calendar" "not a day"
printf 'source,target,date\nA,B,12/31/2024\n' > us.csv
run analyze us.csv --date-format m/d/Y -o d3 --quiet
assert_exit 0 "m/d/Y"

# ---- thousands separators and empty weights -------------------------------------
printf 'source;target;weight\nA;B;1.250\n' > th1.csv
run analyze th1.csv -o t1
assert_exit 1 "1.250 in a decimal-comma file"
assert_eq "$(stderr_line 1)" "bridgemap: th1.csv:2:3: weight '1.250' has a thousands separator ('.'); write the number without it (this file uses a decimal comma: 1,5)" "thousands '.'"
printf 'source,target,weight\nA,B,"1,250,000"\n' > th2.csv
run analyze th2.csv -o t2
assert_exit 1 "1,250,000"
assert_eq "$(stderr_line 1)" "bridgemap: th2.csv:2:3: weight '1,250,000' has a thousands separator (','); write the number without it" "thousands ','"
printf 'source,target,weight\nA,B,\nB,C,3\nC,D,\n' > wempty.csv
run analyze wempty.csv -o w1
assert_exit 0 "empty weight cells"
assert_eq "$(stderr_line 1)" "bridgemap: warning: 2 records have an empty weight cell; each counted as weight 1" "empty weights warned once, counted"
assert_eq "$("$PY" -c "import csv;print(sorted(r['weight'] for r in csv.DictReader(open('w1/ties.csv'))))")" "['1', '1', '3']" "empty weights weigh 1"

# ---- actors the actors file does not list -----------------------------------
printf 'id,sector\nA,public\nB,private\nC,public\nD,civil\n' > act.csv
printf 'source,target\nA,B\nB,C\nC,Dx\nA,Ex\n' > typo.csv
run analyze typo.csv --actors act.csv -o u1
assert_exit 0 "two unlisted ids"
assert_eq "$(stderr_line 1)" "bridgemap: warning: 2 actors named in typo.csv are not in act.csv ('Dx', 'Ex'); they were added with no attributes (--strict makes this an error)" "unlisted ids warned once"
run analyze typo.csv --actors act.csv --strict -o u2
assert_exit 1 "--strict"
assert_eq "$(stderr_line 1)" "bridgemap: typo.csv:4:2: actor 'Dx' is not in the actors file act.csv (--strict)" "--strict message"
assert_dir_clean u2 "no output after --strict"
# records by name, actors by id: stop, and name the column that matches
printf 'id,name,sector\n1,Anne Holm,public\n2,Bo Dal,private\n3,Carl Berg,civil\n' > byid.csv
printf 'source,target\nAnne Holm,Bo Dal\nBo Dal,Carl Berg\nCarl Berg,Dorte\n' > byname.csv
run analyze byname.csv --actors byid.csv -o u3
assert_exit 1 "records by name, actors by id"
assert_eq "$(stderr_line 1)" "bridgemap: byname.csv and byid.csv do not share ids: 4 of the 4 actors named in the records are not in the actors file's 'id' column (first: 'Anne Holm', 'Bo Dal', 'Carl Berg'); the actors file's column 'name' holds 3 of them: use --id-col name" "no shared ids"
assert_dir_clean u3 "no output when the files share no ids"
run analyze byname.csv --actors byid.csv --id-col name -o u4
assert_exit 0 "--id-col name"
assert_eq "$(stderr_line 1)" "bridgemap: warning: 1 actor named in byname.csv is not in byid.csv ('Dorte'); it was added with no attributes (--strict makes this an error)" "one unlisted after --id-col"

# ---- affiliations ----------------------------------------------------------------
printf 'actor,activity\nA,Sprint 1\nB,Sprint 1\nC,Sprint 1\nA,Forum\nD,Forum\n' > aff.csv
run analyze --affiliations aff.csv --actors act.csv -o a1 --quiet
assert_exit 0 "--affiliations without records"
assert_file_exists a1/activities.csv "activities.csv written"
assert_eq "$(head -1 a1/activities.csv)" "activity,participants,groups,blau,pairs,cross_group_pairs,cross_group_share,cross_group_pairs_without_records,ungrouped,first_date,last_date" "activities.csv header"
# Sprint 1: A public, B private, C public -> groups 2, Blau 1 - (4/9 + 1/9) = 4/9, cross pairs A-B, B-C
assert_eq "$("$PY" -c "import csv;r=[x for x in csv.DictReader(open('a1/activities.csv')) if x['activity']=='Sprint 1'][0];print(r['participants'],r['groups'],round(float(r['blau']),12),r['pairs'],r['cross_group_pairs'])")" "3 2 0.444444444444 3 2" "Sprint 1 mixes two groups"
printf 'actor,gruppe\nA,x\n' > aff_bad.csv
run analyze --affiliations aff_bad.csv -o a2
assert_exit 1 "affiliations without an activity column"
assert_eq "$(stderr_line 1)" "bridgemap: aff_bad.csv:1: no activity column in the header (looked for activity, aktivitet, event, project, projekt, team, meeting, møde; it has 'actor', 'gruppe')" "no activity column"
printf 'person,what\nA,x\n' > aff_bad2.csv
run analyze --affiliations aff_bad2.csv -o a3
assert_exit 1 "affiliations without a known activity column"
assert_stderr_contains "aff_bad2.csv:1: no activity column in the header" "no activity column named"
printf 'actor,activity\nA,x\nZ,x\n' > aff_z.csv
run analyze --affiliations aff_z.csv --actors act.csv --strict -o a4
assert_exit 1 "--strict on affiliations"
assert_eq "$(stderr_line 1)" "bridgemap: aff_z.csv:3:1: actor 'Z' is not in the actors file act.csv (--strict)" "--strict affiliations message"
run analyze --affiliations aff.csv --directed -o a5
assert_exit 2 "--affiliations with --directed"
assert_eq "$(stderr_line 1)" "bridgemap: --affiliations makes undirected co-participation ties; it cannot be combined with --directed" "--directed refused"
run analyze --affiliations aff.csv --projection jaccard -o a6
assert_exit 2 "--projection jaccard"
assert_eq "$(stderr_line 1)" "bridgemap: --projection must be count or newman, not 'jaccard'" "--projection message"
run analyze -o a7
assert_exit 2 "neither records nor affiliations"
assert_eq "$(stderr_line 1)" "bridgemap: no records file given (nor --affiliations)" "no input message"

# ---- periods -----------------------------------------------------------------------
printf 'source,target,date\nA,B,2024-01-05\nB,C,2024-05-10\nC,A,2024-05-11\n' > dated.csv
printf 'id,sector\nA,public\nB,private\nC,public\n' > dated_act.csv
run analyze dated.csv --actors dated_act.csv --by quarter -o b1 --quiet --no-map
assert_exit 0 "--by quarter"
assert_eq "$(cut -d, -f1-5 b1/summary_by_period.csv | tr '\n' ' ')" "period,from,to,records,nodes 2024-Q1,2024-01-01,2024-03-31,1,3 2024-Q2,2024-04-01,2024-06-30,2,3 " "two quarters, every actor in each"
assert_file_exists b1/ei_by_period.svg "E-I chart written"
run analyze dated.csv --by year -o b0 --quiet --no-map
assert_exit 0 "--by year without a grouping"
assert_file_exists b0/summary_by_period.csv "periods without a grouping"
assert_true "no E-I chart without a grouping" test ! -e b0/ei_by_period.svg
run analyze pipe.csv --delimiter "|" --by year -o b2
assert_exit 2 "--by without a date column"
assert_eq "$(stderr_line 1)" "bridgemap: --by needs a date column in the records (named date, dato, timestamp or tidspunkt, or given with --date-col)" "--by without dates"
assert_dir_clean b2 "nothing written without dates"
printf 'source,target,date\nA,B,2024-01-05\nB,C,\n' > undated.csv
run analyze undated.csv --by month -o b3
assert_exit 1 "--by with an undated record"
assert_eq "$(stderr_line 1)" "bridgemap: undated.csv:3: 1 record has no date, and --by places every record in a period" "undated record named"
run analyze dated.csv --affiliations aff.csv --by year -o b5
assert_exit 1 "--by with undated affiliations"
assert_eq "$(stderr_line 1)" "bridgemap: aff.csv:1: --from/--to and --by place participations by date, and the header has no date column (leave --affiliations out of a --by run, or date them)" "--by names itself for undated affiliations"
run analyze dated.csv --by week -o b4
assert_exit 2 "--by week"
assert_eq "$(stderr_line 1)" "bridgemap: --by must be month, quarter or year, not 'week'" "--by message"

# ---- .xlsx: records and actors on two sheets of one workbook (Danish headers) --------------
XL=$SRC/tests/data/xlsx
run analyze "$XL/book.xlsx" --actors "$XL/book.xlsx" --group sektor -o x1 --quiet --no-map
assert_exit 0 "records and actors on two sheets of one workbook"
assert_eq "$("$PY" -c "import csv;print(sorted((r['source'],r['target'],r['weight']) for r in csv.DictReader(open('x1/ties.csv',encoding='utf-8'))))")" "[('Søren', 'Bjørn', '1'), ('Søren', 'Åse', '2'), ('Søren', 'Ærø Kommune', '3'), ('Åse', 'Ærø Kommune', '1.5')]" "workbook ties (fra/til/vægt)"
assert_file_contains x1/groups.csv "offentlig" "sektor from the actors sheet"
run analyze "$XL/book.xlsx" --actors "$XL/book.xlsx" --actors-sheet records -o x2
assert_exit 1 "--actors-sheet naming the records sheet"
assert_stderr_contains "book.xlsx:records row 1: no id column in the header" "actors sheet without id"
cp "$XL/book.xlsx" copy.xlsx
run analyze copy.xlsx --sheet Ark1 -o x3
assert_exit 1 "bad weight in a sheet"
assert_eq "$(stderr_line 1)" "bridgemap: copy.xlsx:Ark1!C14: weight 'x' is not a number" "FILE:SHEET!CELL"

# ---- no sector column: Sektor is taken; else the columns --group could take are listed ------
printf 'id,Navn,Afdeling,Niveau,Telefon\nK1,Søren,Jobcenter,leder,1\nK2,Åse,Jobcenter,medarbejder,2\nK3,Bo,Skole,medarbejder,3\nK4,Eva,Skole,leder,4\n' > dk_a.csv
printf 'source,target\nK1,K2\nK3,K4\nK1,K3\n' > dk_r.csv
run analyze dk_r.csv --actors dk_a.csv -o g1 --no-map
assert_exit 0 "actors without a sector column"
assert_eq "$(stderr_line 1)" "bridgemap: warning: no grouping: the actors file has no sector column; --group could take Afdeling (2 values), Niveau (2 values)" "grouping hint lists the columns (not Navn, not Telefon)"
run analyze dk_r.csv --actors dk_a.csv --group Afdeling -o g2 --no-map --quiet
assert_exit 0 "--group Afdeling"
assert_file_exists g2/groups.csv "groups with --group Afdeling"
printf 'id,Sektor\nK1,offentlig\nK2,privat\nK3,offentlig\nK4,privat\n' > dk_s.csv
run analyze dk_r.csv --actors dk_s.csv -o g3 --no-map
assert_exit 0 "Sektor column"
assert_stdout_contains "Grouped by Sektor (2 groups)." "Sektor is the default grouping"
assert_stderr_lacks "no grouping" "no hint when Sektor groups"
run render dk_r.csv --actors dk_a.csv -o g4.svg
assert_eq "$(stderr_line 1)" "bridgemap: warning: no grouping: the actors file has no sector column; --color-by could take Afdeling (2 values), Niveau (2 values)" "render gives the hint too, with its option"

# ---- graph files: GraphML, GML, Pajek (node attributes are actor attributes) ------------
GR=$SRC/tests/data/graphs
run analyze "$GR/cross_sector.graphml" -o gm1 --quiet --no-map
assert_exit 0 "GraphML analysed with no conversion"
assert_eq "$(csv_field gm1/actors.csv id hospital volunteers)|$(csv_field gm1/actors.csv id church staff)|$(csv_field gm1/actors.csv id bank sector)" "||private" "GraphML node attributes; a missing boolean and int stay empty"
# eight <edge>s, kommune-hospital twice (3 + 1), so seven ties; by sector 4 cross, 3 inside:
# E-I = (4 - 3) / 7
assert_eq "$("$PY" -c "import json;d=json.load(open('gm1/summary.json'));print(d['loading']['format'],d['ties'],round(d['ei_index'],6))")" "GraphML 7 0.142857" "GraphML: format, ties, E-I by sector"
assert_eq "$("$PY" -c "import csv;print([(r['weight'],r['count']) for r in csv.DictReader(open('gm1/ties.csv')) if {r['source'],r['target']}=={'kommune','hospital'}])")" "[('4', '2')]" "a pair written twice adds up"
run analyze "$GR/cross_sector.gml" -o gm2 --quiet --no-map
assert_exit 0 "GML"
assert_eq "$("$PY" -c "import json;d=json.load(open('gm2/summary.json'));print(d['loading']['format'],d['ties'])")" "GML 7" "GML: format, ties"
run analyze "$GR/cross_sector.net" -o gm3 --quiet --no-map
assert_exit 0 "Pajek"
assert_eq "$("$PY" -c "import json;d=json.load(open('gm3/summary.json'));print(d['loading']['format'],d['ties'],d.get('groups'))")" "Pajek 7 None" "Pajek: format, ties, no sector (Pajek keeps partitions in .clu files)"
# advice_directed.graphml: 5 arcs, one self-loop (dropped), ana-dan reciprocated
run analyze "$GR/advice_directed.graphml" -o gm4 --quiet --no-map --group unit
assert_exit 0 "directed GraphML"
assert_eq "$("$PY" -c "import json;d=json.load(open('gm4/summary.json'));print(d['directed'],d['ties'])")" "True 4" "a directed graph stays directed: 4 arcs"
run analyze "$GR/advice_directed.graphml" -o gm5 --quiet --no-map --undirected
assert_exit 0 "--undirected"
assert_eq "$("$PY" -c "import json;d=json.load(open('gm5/summary.json'));print(d['directed'],d['ties'])")" "False 3" "--undirected: ana-dan once, 3 ties"
assert_eq "$("$PY" -c "import csv;print([r['weight'] for r in csv.DictReader(open('gm5/ties.csv')) if {r['source'],r['target']}=={'ana','dan'}])")" "['2']" "--undirected: the reciprocated pair weighs 2"
# actors from a CSV file: the graph's node attributes are not read, its nodes must be listed
printf 'id,sector\nana,a\nben,b\ncy,a\ndan,b\n' > adv_actors.csv
run analyze "$GR/advice_directed.graphml" --actors adv_actors.csv -o gm6 --quiet --no-map
assert_exit 0 "graph file with --actors"
assert_eq "$("$PY" -c "import csv;f=csv.DictReader(open('gm6/actors.csv')).fieldnames;print(f[:2],'unit' in f,'name' in f)")" "['id', 'sector'] False False" "--actors gives the attributes, not the graph's unit/label"
run analyze "$GR/cross_sector.graphml" --directed -o gm7
assert_exit 2 "--directed on an undirected graph"
assert_eq "$(stderr_line 1)" "bridgemap: $GR/cross_sector.graphml: the GraphML graph is undirected; --directed cannot give its edges a direction" "--directed refused with the reason"
run analyze "$GR/cross_sector.net" --date-col when -o gm8
assert_exit 2 "--date-col on a graph file"
assert_eq "$(stderr_line 1)" "bridgemap: $GR/cross_sector.net is a Pajek file: --date-col applies to CSV and .xlsx tables only (an edge attribute 'weight', when present, is the weight)" "table options refused for graph files"
assert_dir_clean gm7 "refused --directed writes nothing"
assert_dir_clean gm8 "refused --date-col writes nothing"
cp "$GR/graphml_content.txt" graph.txt
run analyze graph.txt -o gm9 --quiet --no-map
assert_exit 0 "GraphML detected by content under a .txt name"

# ---- the help names the new options --------------------------------------------
run analyze --help
for o in --source-col --target-col --weight-col --date-col --id-col --date-format --delimiter --encoding --strict --affiliations --projection --by --sheet --actors-sheet --affiliations-sheet --undirected; do
    assert_stdout_contains "$o" "analyze --help lists $o"
done
finish
