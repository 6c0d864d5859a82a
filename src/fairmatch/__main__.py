from fairmatch.cli import main

main()
