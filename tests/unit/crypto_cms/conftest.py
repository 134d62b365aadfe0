"""Run-time identities for the CMS import tests (one RSA-2048 recipient, a second
RSA key that is not a recipient, an EC P-256 recipient)."""

from __future__ import annotations

import pytest

from tests.unit.crypto_cms.support import Identity, make_identity


@pytest.fixture(scope="session")
def cms_dir(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("cms")


@pytest.fixture(scope="session")
def bidder(cms_dir) -> Identity:
    ca = make_identity(cms_dir, "ca")
    return make_identity(cms_dir, "bidder", issuer=ca)


@pytest.fixture(scope="session")
def stranger(cms_dir) -> Identity:
    return make_identity(cms_dir, "stranger")


@pytest.fixture(scope="session")
def ec_bidder(cms_dir) -> Identity:
    return make_identity(cms_dir, "ec-bidder", kind="ec")
