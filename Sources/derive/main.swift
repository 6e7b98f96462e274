import DeriveCLI

DeriveCommand.main()
