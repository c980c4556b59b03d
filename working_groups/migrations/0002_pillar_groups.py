"""The three technical working groups, one per pillar of the Alliance."""

from django.db import migrations

GROUPS = [
    (
        1,
        "vulnerable-populations",
        "Protección de poblaciones y comunidades vulnerables",
        "Protecting vulnerable populations and communities",
        "Prevenir la violencia y el reclutamiento de jóvenes por el crimen organizado, y proteger a "
        "las comunidades más expuestas.",
        "Prevent violence and the recruitment of young people by organised crime, and protect the "
        "communities most exposed to it.",
    ),
    (
        2,
        "institutions",
        "Fortalecimiento de las instituciones de seguridad y justicia",
        "Strengthening security and justice institutions",
        "Mejorar la capacidad, la integridad y la coordinación de policías, fiscalías, tribunales y "
        "sistemas penitenciarios.",
        "Improve the capacity, integrity and coordination of police, prosecutors, courts and "
        "prison systems.",
    ),
    (
        3,
        "illicit-finance",
        "Desarticulación de flujos financieros y mercados ilícitos",
        "Disrupting financial flows and curbing illicit markets",
        "Seguir el dinero del crimen organizado y reducir los mercados ilícitos que lo financian.",
        "Follow the money of organised crime and shrink the illicit markets that fund it.",
    ),
]


def add_groups(apps, schema_editor):
    WorkingGroup = apps.get_model("working_groups", "WorkingGroup")
    for number, slug, name_es, name_en, mandate_es, mandate_en in GROUPS:
        WorkingGroup.objects.update_or_create(
            number=number,
            defaults={
                "slug": slug,
                "name_es": name_es,
                "name_en": name_en,
                "mandate_es": mandate_es,
                "mandate_en": mandate_en,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("working_groups", "0001_initial")]
    operations = [migrations.RunPython(add_groups, migrations.RunPython.noop)]
