import BackpropCore

/// BackpropCore's expression tree, not Foundation's `Expression` (both are visible where Foundation is imported).
typealias Expression = BackpropCore.Expression
