"""The rules, one module per family; core/rules.py assembles them and is what the checks import."""
