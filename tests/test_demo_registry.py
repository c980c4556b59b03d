"""The demo is what the apps register and what their data files say: ``load_demo`` finds no
module by name, and every product, meeting and login of the files is there after it runs."""

from pathlib import Path

import yaml
from django.core.management import call_command

from core import demo_registry
from governance.models import Meeting
from knowledge.models import KnowledgeProduct
from members.models import User

ROOT = Path(__file__).resolve().parent.parent


def _data(app: str, name: str):
    return yaml.safe_load((ROOT / app / "demo" / name).read_text(encoding="utf-8"))


def test_each_app_registers_its_demo_in_the_order_apps_are_installed():
    assert demo_registry.registered() == ["members", "working_groups", "governance", "knowledge"]


def test_load_demo_finds_no_module_by_name():
    source = (ROOT / "core" / "management" / "commands" / "load_demo.py").read_text()
    assert "import_module" not in source
    assert "demo_registry.load_all" in source


def test_the_demo_holds_what_its_data_files_say(db):
    call_command("load_demo", "--quiet-logins")
    published = set(KnowledgeProduct.objects.listed().values_list("title", flat=True))
    products = [item["title"] for item in _data("knowledge", "products.yaml")]
    assert len(products) == 43
    assert set(products) == published
    for proposal in _data("knowledge", "proposals.yaml"):
        product = KnowledgeProduct.objects.get(title=proposal["title"])
        assert product.status == proposal["status"]
        assert product.created_by.email == proposal["proposer"]
    meetings = {item["title"]: item for item in _data("governance", "meetings.yaml")}
    assert set(Meeting.objects.values_list("title", flat=True)) == set(meetings)
    for meeting in Meeting.objects.select_related("group"):
        item = meetings[meeting.title]
        assert meeting.body == item["body"]
        assert (meeting.group.number if meeting.group else None) == item.get("group")
        assert meeting.documents.count() == len(item.get("documents", []))
    people = _data("members", "people.yaml")
    assert set(User.objects.values_list("email", flat=True)) == {p["email"] for p in people}
