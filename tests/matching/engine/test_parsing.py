"""The plain input format: accepted as documented, rejected with the path of the bad field."""

import pytest

from fairmatch.matching.engine import InputError, edition_from_json


def document(**changes):
    data = {
        "buyers": [
            {
                "id": "jp-1",
                "country": "JP",
                "languages": ["ja", "en"],
                "fields": ["software"],
                "demands": [
                    {"field": "software", "kind": "outsourcing", "value_usd": 9e6, "text": "ERP"}
                ],
            }
        ],
        "providers": [
            {
                "id": 7,
                "country": "CN",
                "languages": ["zh"],
                "fields": ["software"],
                "capacity_usd": 20000000,
                "certifications": ["ISO 9001"],
                "text": "ERP实施",
            }
        ],
    }
    data.update(changes)
    return data


def test_the_documented_format_is_read():
    edition = edition_from_json(document(interests=[{"from": "jp-1", "to": 7}]))
    buyer, provider = edition.buyers[0], edition.providers[0]
    assert (buyer.id, buyer.country, buyer.languages) == ("jp-1", "JP", frozenset({"ja", "en"}))
    assert buyer.demands[0].value_usd == 9e6
    assert (provider.id, provider.capacity_usd) == ("7", 20e6)
    assert provider.certifications == frozenset({"ISO 9001"})
    assert (edition.interests[0].source, edition.interests[0].target) == ("jp-1", "7")


def with_buyer(**changes):
    data = document()
    data["buyers"][0].update(changes)
    return data


def with_demand(**changes):
    data = document()
    data["buyers"][0]["demands"][0].update(changes)
    return data


def with_provider(**changes):
    data = document()
    data["providers"][0].update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "input: must be an object"),
        ({"providers": []}, "buyers: is required"),
        (document(providers={}), "providers: must be a list"),
        (document(buyers=["x"]), "buyers[0]: must be an object"),
        (with_buyer(id=None), "buyers[0].id: is required"),
        (with_buyer(id=" "), "buyers[0].id: must not be empty"),
        (with_buyer(languages="ja"), "buyers[0].languages: must be a list"),
        (with_buyer(fields=["software", 3]), "buyers[0].fields[1]: must be a string"),
        (with_buyer(demands={}), "buyers[0].demands: must be a list"),
        (with_demand(value_usd="9000000"), "buyers[0].demands[0].value_usd: must be a number"),
        (with_demand(value_usd=True), "buyers[0].demands[0].value_usd: must be a number"),
        (with_demand(value_usd=-1), "buyers[0].demands[0].value_usd: must not be negative"),
        (
            with_demand(value_usd=float("nan")),
            "buyers[0].demands[0].value_usd: must be a finite number",
        ),
        (with_demand(field=None), "buyers[0].demands[0].field: is required"),
        (with_demand(kind=5), "buyers[0].demands[0].kind: must be a string"),
        (with_demand(text=["a"]), "buyers[0].demands[0].text: must be a string"),
        (with_buyer(slots=-2), "buyers[0].slots: must be a whole number, 0 or more"),
        (
            with_demand(value_usd=10**400),
            "buyers[0].demands[0].value_usd: must be at most 1,000,000,000,000,000 US dollars",
        ),
        (
            with_provider(capacity_usd=1e300),
            "providers[0].capacity_usd: must be at most 1,000,000,000,000,000 US dollars",
        ),
        (with_buyer(quota=10**30), "buyers[0].quota: must be at most 100000"),
        (with_provider(capacity_usd={}), "providers[0].capacity_usd: must be a number"),
        (with_provider(certifications="GLP"), "providers[0].certifications: must be a list"),
        (with_provider(id="jp-1"), "providers[0].id: 'jp-1' is already used by buyers[0]"),
        (
            document(interests=[{"from": "jp-1", "to": "nobody"}]),
            "interests[0].to: must be the id of a buyer or provider",
        ),
    ],
)
def test_malformed_input_names_the_field(data, message):
    with pytest.raises(InputError) as error:
        edition_from_json(data)
    assert str(error.value) == message
