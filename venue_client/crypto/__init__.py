"""Cryptography for the venue: bid envelopes and key unwrapping, and the check of a
bidder's company CA certificate at check-in (:mod:`venue_client.crypto.certcheck`,
with :mod:`~venue_client.crypto.certproof` for the signed challenge and
:mod:`~venue_client.crypto.certcrl` for revocation). No Qt, no database.
"""
