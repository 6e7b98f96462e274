extension Notation {
    /// No name of its own for any vector or matrix: each is named from the scalar names.
    public func matrixName(of quantity: MatrixQuantity) -> SymbolName? { nil }
}
