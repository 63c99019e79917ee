graph [ directed 1 node [ id 1 graphics [ x 1 y 2 ] ] node [ id -3 ] edge [ source 1 target -3 weight 1e300 ] ]
graph [ node [ id 1 ] ]
