"""Article-level evaluation: annotated articles (``eval/articles/README.md``) and their scores."""
