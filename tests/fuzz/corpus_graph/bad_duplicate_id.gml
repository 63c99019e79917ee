# bad: two nodes with id 5
graph [
  node [ id 5 label "a" ]
  node [ id 5 label "b" ]
]
