"""`make devserver`: one warm process that builds the site, serves it and builds again after
each change, through a cache whose every entry is kept under a key of what it depends on.

It sits above the build (it runs Pelican with the plugin); docs/performance.md describes it.
"""
