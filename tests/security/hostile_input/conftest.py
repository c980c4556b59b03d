import pytest

from .world import World


@pytest.fixture
def world(alice, bob, ecuador, group1, group2, group3):
    return World(alice, bob, ecuador, group1, group2, group3)
