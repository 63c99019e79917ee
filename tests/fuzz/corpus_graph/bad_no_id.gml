# bad: the second node has no id
graph [
  node [ id 1 label "a" ]
  node [ label "b" ]
]
