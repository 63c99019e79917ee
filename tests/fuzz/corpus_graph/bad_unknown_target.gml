# bad: the edge's target 9 is not a node
graph [
  node [ id 5 ]
  edge [ source 5 target 9 ]
]
