# bad: a graph without nodes
graph [
  directed 1
]
