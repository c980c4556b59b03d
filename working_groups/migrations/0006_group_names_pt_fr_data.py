"""Names and mandates of the three groups in Portuguese and French."""

from django.db import migrations

TEXTS = {
    1: (
        "Proteção de populações e comunidades vulneráveis",
        "Protection des populations et communautés vulnérables",
        "Prevenir a violência e o recrutamento de jovens pelo crime organizado, e proteger as "
        "comunidades mais expostas.",
        "Prévenir la violence et le recrutement des jeunes par le crime organisé, et protéger les "
        "communautés les plus exposées.",
    ),
    2: (
        "Fortalecimento das instituições de segurança e justiça",
        "Renforcement des institutions de sécurité et de justice",
        "Melhorar a capacidade, a integridade e a coordenação de polícias, ministérios públicos, "
        "tribunais e sistemas prisionais.",
        "Améliorer la capacité, l'intégrité et la coordination des polices, des parquets, des "
        "tribunaux et des systèmes pénitentiaires.",
    ),
    3: (
        "Desarticulação de fluxos financeiros e mercados ilícitos",
        "Démantèlement des flux financiers et des marchés illicites",
        "Seguir o dinheiro do crime organizado e reduzir os mercados ilícitos que o financiam.",
        "Suivre l'argent du crime organisé et réduire les marchés illicites qui le financent.",
    ),
}


def fill(apps, schema_editor):
    WorkingGroup = apps.get_model("working_groups", "WorkingGroup")
    for number, (name_pt, name_fr, mandate_pt, mandate_fr) in TEXTS.items():
        WorkingGroup.objects.filter(number=number).update(
            name_pt=name_pt, name_fr=name_fr, mandate_pt=mandate_pt, mandate_fr=mandate_fr
        )


class Migration(migrations.Migration):
    dependencies = [("working_groups", "0005_group_names_pt_fr")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
