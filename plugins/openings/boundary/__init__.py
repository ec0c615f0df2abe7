"""What may be under content/ and what a build may write: links, static files, pages, output paths."""
