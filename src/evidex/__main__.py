from evidex.cli.main import app

app()
