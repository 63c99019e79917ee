# Six organisations of a small town, two per sector, and who worked with
# whom (weight: joint projects). The same network as cross_sector.graphml
# and cross_sector.net. Hand-written for bridgemap's tests.
Creator "bridgemap tests"
Version 1
graph [
  directed 0
  node [ id 1 label "City Council" sector "public" staff 120 budget 12.5 volunteers 0 ]
  node [ id 2 label "Regional Hospital" sector "public" staff 800 budget 300 ]
  node [ id 3 label "Red Cross" sector "civil" staff 12 budget 0.75 volunteers 1 ]
  node [ id 4 label "Parish Church" sector "civil" budget 0.1 volunteers 1 ]
  node [ id 5 label "Corner Grocer" sector "private" staff 4 budget 0.3 volunteers 0 ]
  node [ id 6 label "Savings Bank" sector "private" staff 35 budget 48.25 volunteers 0 ]
  edge [ source 1 target 2 weight 3 since "2019" ]
  edge [ source 1 target 3 weight 2 ]
  edge [ source 2 target 3 weight 1.5 ]
  edge [ source 3 target 4 weight 4 ]
  edge [ source 4 target 5 weight 1 ]
  edge [ source 5 target 6 weight 2.5 ]
  edge [ source 6 target 1 weight 0.25 ]
  edge [ source 2 target 1 weight 1 ]
]
