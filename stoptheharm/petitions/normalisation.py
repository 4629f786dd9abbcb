"""Input rules of the signing form and the API that are particular to petitions."""

MAX_NAME_LENGTH = 100
