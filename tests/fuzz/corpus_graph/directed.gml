# Directed, with a node whose label and name differ, and quoted numeric weights
graph [
  directed 1
  node [ id 10 label "Ten" name "ten" ]
  node [ id 20 label "Twenty" ]
  node [ id 30 ]
  edge [ source 20 target 10 weight "2" ]
  edge [ source 10 target 30 weight "0.5" ]
  edge [ source 30 target 20 ]
]
