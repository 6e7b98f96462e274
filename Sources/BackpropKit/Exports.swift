/// The expression trees, parser and number formats of `BackpropCore` come with `import BackpropKit`.
@_exported import BackpropCore
