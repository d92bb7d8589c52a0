"""Wildlife-damage compensation rules as a plain library (no Django), like the engine.

- ``regime``: a province's policy rule as versioned data, unknowns explicit;
- ``claim``: a claim as the calculation reads it (KvK and IBAN checked);
- ``calculation``: ``decide(claim, regime)``, every step explained with its article;
- ``workdays``: working days under the Algemene termijnenwet;
- ``shipped``: the regimes and species that ship with Koers (``regimes/``).
"""
