"""Files besides the pages: sitemap, robots.txt, feeds, jobs.json, changes, search, notify."""
