# bad: the second edge's weight is a word
graph [
  node [ id 1 ] node [ id 2 ] node [ id 3 ]
  edge [ source 1 target 2 weight 2 ]
  edge [ source 2 target 3 weight "strong" ]
]
