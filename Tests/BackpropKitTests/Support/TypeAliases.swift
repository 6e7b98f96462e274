import BackpropKit

/// BackpropKit's expression tree, not Foundation's `Expression` (both are visible where Foundation is imported).
typealias Expression = BackpropKit.Expression
