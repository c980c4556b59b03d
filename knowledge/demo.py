"""Demo knowledge products for ``manage.py load_demo``. Titles, summaries and people are invented
for the demo. Safe to run again: a product whose title is already in the library is skipped."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from members.models import Country
from working_groups.models import WorkingGroup

from . import services
from .models import KnowledgeProduct

REGIONAL = "regional"

# title, type, language, pillars, countries (or REGIONAL), date, authors, organisation, topics,
# evidence (level, verdict) or None, summary
PRODUCTS = [
    (
        "Guía de prevención del reclutamiento juvenil",
        "guide",
        "es",
        [1],
        ["EC", "CR", "PA"],
        "2025-03-14",
        "Lucía Andrade; Martín Ortega",
        "Ministerio del Interior del Ecuador",
        ["juventud", "reclutamiento", "escuelas"],
        None,
        "Pasos concretos para que escuelas, municipios y policía comunitaria detecten las señales "
        "tempranas de captación de adolescentes por grupos criminales y respondan en red.",
    ),
    (
        "Youth recruitment prevention guide",
        "guide",
        "en",
        [1],
        ["EC", "CR", "PA"],
        "2025-04-02",
        "Lucía Andrade; Martín Ortega",
        "Ministerio del Interior del Ecuador",
        ["youth", "recruitment", "schools"],
        None,
        "Practical steps for schools, municipalities and community police to spot the early "
        "signs of teenagers being drawn into criminal groups, and to respond together.",
    ),
    (
        "Evaluación del programa de mentoría escolar en barrios prioritarios",
        "publication",
        "es",
        [1],
        ["CR"],
        "2024-11-20",
        "Adriana Solís; Ricardo Mena",
        "Ministerio de Justicia y Paz de Costa Rica",
        ["juventud", "escuelas", "evaluación de impacto"],
        (5, "effective"),
        "Ensayo aleatorizado en 42 escuelas: la mentoría semanal redujo en un tercio las "
        "suspensiones por violencia y aumentó la permanencia escolar durante dos años.",
    ),
    (
        "Violence interrupters in urban Jamaica: a quasi-experimental evaluation",
        "publication",
        "en",
        [1],
        ["JM"],
        "2025-01-28",
        "Marsha Brown; Devon Clarke",
        "Ministry of National Security of Jamaica",
        ["violence interruption", "youth", "impact evaluation"],
        (4, "promising"),
        "Communities served by trained interrupters saw fewer retaliatory shootings than matched "
        "comparison areas, although the effect faded where outreach workers left the programme.",
    ),
    (
        "Toolkit for municipal violence prevention councils",
        "tool",
        "en",
        [1],
        ["BB", "JM", "BS", "GY"],
        "2025-05-09",
        "",
        "Alliance technical secretariat",
        ["local government", "prevention", "community participation"],
        None,
        "Templates for setting up a council, mapping risk factors street by street, and agreeing "
        "a yearly prevention plan with schools, health services and the police.",
    ),
    (
        "Protocolo de atención a víctimas de desplazamiento forzado por violencia",
        "methodology",
        "es",
        [1],
        ["HN", "GT"],
        "2025-02-17",
        "Karla Medina",
        "Secretaría de Seguridad de Honduras",
        ["víctimas", "desplazamiento", "protección"],
        None,
        "Ruta de atención interinstitucional para familias que huyen de amenazas de pandillas: "
        "registro confidencial, albergue temporal, traslado escolar y acompañamiento psicosocial.",
    ),
    (
        "Segurança cidadã nas escolas: guia para gestores",
        "guide",
        "pt",
        [1],
        ["BR"],
        "2025-06-03",
        "Renata Carvalho; Paulo Nogueira",
        "Ministério da Justiça e Segurança Pública",
        ["escolas", "juventude", "prevenção"],
        None,
        "Como diretores e secretarias de educação podem prevenir a violência no entorno escolar "
        "com mediação de conflitos, rotas seguras e parceria com a guarda municipal.",
    ),
    (
        "Programa piloto de empleo juvenil en zonas fronterizas",
        "pilot",
        "es",
        [1],
        ["PY", "AR"],
        "2025-07-21",
        "Sofía Benítez",
        "Ministerio del Interior del Paraguay",
        ["empleo", "juventud", "fronteras"],
        (3, "inconclusive"),
        "Seis meses de formación técnica y prácticas pagadas para jóvenes de la triple frontera; "
        "la comparación con un grupo en lista de espera no permitió aún medir efectos claros.",
    ),
    (
        "Gender-based violence response in island states: lessons learned",
        "policy_brief",
        "en",
        [1],
        ["BB", "BS", "JM"],
        "2024-12-12",
        "Alicia Greaves",
        "Caribbean Development Bank",
        ["gender-based violence", "victims", "small island states"],
        None,
        "What small island administrations learned from specialised police units, shelters and "
        "fast-track courts, and the few changes that made the biggest difference for survivors.",
    ),
    (
        "Curso virtual: prevención comunitaria de la violencia",
        "training",
        "es",
        [1],
        REGIONAL,
        "2025-08-18",
        "",
        "Banco Interamericano de Desarrollo",
        ["prevención", "participación comunitaria", "capacitación"],
        None,
        "Cinco módulos autoguiados para funcionarios municipales y líderes comunitarios sobre "
        "diagnóstico local, focalización territorial y seguimiento de resultados.",
    ),
    (
        "Sports for development in Suriname: pilot report",
        "pilot",
        "en",
        [1],
        ["SR"],
        "2025-09-10",
        "Navin Ramdin",
        "Ministry of Justice and Police of Suriname",
        ["sport", "youth", "prevention"],
        (2, "promising"),
        "After-school football and mentoring in three districts: fewer police contacts among "
        "participants than the year before, measured without a comparison group.",
    ),
    (
        "Encuesta regional de victimización juvenil 2025",
        "dataset",
        "es",
        [1],
        REGIONAL,
        "2025-10-06",
        "",
        "Secretaría técnica de la Alianza",
        ["encuestas", "juventud", "victimización"],
        None,
        "Microdatos anonimizados de 24 000 jóvenes de 15 a 24 años en doce países: exposición a "
        "la violencia, confianza en las instituciones y contacto con grupos delictivos.",
    ),
    (
        "Modelo de gestión por resultados para policías nacionales",
        "methodology",
        "es",
        [2],
        ["CL", "UY", "PE"],
        "2024-12-15",
        "Felipe Rojas; Carolina Vidal",
        "Ministerio del Interior del Uruguay",
        ["policía", "gestión por resultados", "indicadores"],
        None,
        "Cómo pasar de contar detenciones a medir la reducción del delito: tablero de "
        "indicadores, reuniones de rendición de cuentas y asignación de patrullas por evidencia.",
    ),
    (
        "Hot spots policing in Montevideo: randomised evaluation",
        "publication",
        "en",
        [2],
        ["UY"],
        "2025-02-25",
        "Felipe Rojas; Anna Lindqvist",
        "Ministerio del Interior del Uruguay",
        ["policing", "hot spots", "impact evaluation"],
        (5, "effective"),
        "Extra patrol time on 200 randomly chosen street segments cut robberies there by about a "
        "fifth without displacing crime to neighbouring streets.",
    ),
    (
        "Guía para la gestión de audiencias penales virtuales",
        "guide",
        "es",
        [2],
        ["DO", "PA", "CR"],
        "2025-04-22",
        "Mariel Peña",
        "Poder Judicial de la República Dominicana",
        ["tribunales", "justicia digital", "audiencias"],
        None,
        "Requisitos técnicos, garantías del debido proceso y protocolos de conexión para "
        "celebrar audiencias con personas privadas de libertad sin traslados.",
    ),
    (
        "Prison intake assessment tool",
        "tool",
        "en",
        [2],
        ["BZ", "GY", "JM"],
        "2025-03-30",
        "Trevor Young",
        "Belize Central Prison",
        ["prisons", "risk assessment", "rehabilitation"],
        None,
        "A short, validated questionnaire to classify people entering prison by risk and needs, "
        "so that education, treatment and security levels match each person.",
    ),
    (
        "Reducción de la reincidencia: evidencia de programas penitenciarios",
        "policy_brief",
        "es",
        [2],
        REGIONAL,
        "2025-05-27",
        "Gabriela Paredes",
        "Banco Interamericano de Desarrollo",
        ["cárceles", "reincidencia", "rehabilitación"],
        (4, "effective"),
        "Revisión de 35 evaluaciones: la terapia cognitivo-conductual y la formación laboral "
        "reducen la reincidencia; los regímenes de máxima seguridad prolongados no.",
    ),
    (
        "Carrera policial y estándares de integridad",
        "methodology",
        "es",
        [2],
        ["GT", "HN"],
        "2025-06-11",
        "Óscar Villeda",
        "Ministerio de Gobernación de Guatemala",
        ["policía", "integridad", "control interno"],
        None,
        "Perfiles de ingreso, pruebas de confianza, ascensos por mérito y un régimen "
        "disciplinario con plazos: los cinco componentes de una carrera policial íntegra.",
    ),
    (
        "Registro nacional de detenciones: diccionario de datos",
        "dataset",
        "es",
        [2],
        ["AR"],
        "2025-07-04",
        "",
        "Ministerio de Seguridad Nacional de la Argentina",
        ["datos abiertos", "detenciones", "estadística"],
        None,
        "Estructura, definiciones y reglas de calidad del registro que unifica las detenciones "
        "de las fuerzas federales, con un extracto anonimizado para análisis.",
    ),
    (
        "Formação continuada para investigadores de homicídios",
        "training",
        "pt",
        [2],
        ["BR"],
        "2025-08-29",
        "Marcos Tavares",
        "Academia Nacional de Polícia",
        ["investigação criminal", "homicídios", "capacitação"],
        None,
        "Curso de 60 horas sobre preservação do local do crime, cadeia de custódia e entrevista "
        "de testemunhas, com estudos de caso de polícias estaduais.",
    ),
    (
        "Community courts pilot in Bridgetown",
        "pilot",
        "en",
        [2],
        ["BB"],
        "2025-01-15",
        "Kareem Holder",
        "Ministry of Home Affairs and Information of Barbados",
        ["courts", "restorative justice", "community participation"],
        (3, "promising"),
        "Minor offences heard within two weeks by a community court with restorative sentences: "
        "fewer failures to appear than at the ordinary magistrates' court.",
    ),
    (
        "Interoperabilidad entre fiscalías y policías: hoja de ruta",
        "guide",
        "es",
        [2],
        ["PE", "CL", "EC"],
        "2025-09-19",
        "Rocío Quispe",
        "Ministerio Público del Perú",
        ["justicia digital", "fiscalías", "interoperabilidad"],
        None,
        "Cómo conectar los sistemas de denuncias, investigación y gestión de casos para que la "
        "información fluya sin papel entre policía, fiscalía y tribunales.",
    ),
    (
        "Guide de gestion des établissements pénitentiaires",
        "guide",
        "fr",
        [2],
        REGIONAL,
        "2025-03-05",
        "Claire Dubois",
        "Agence française de développement",
        ["prisons", "gestion", "droits humains"],
        None,
        "Organisation des équipes, gestion de la surpopulation, santé et contacts familiaux : "
        "repères pratiques pour les directions d'établissements pénitentiaires.",
    ),
    (
        "Tablero de indicadores de eficiencia judicial",
        "tool",
        "es",
        [2],
        ["PY", "UY", "AR"],
        "2025-10-14",
        "",
        "Secretaría técnica de la Alianza",
        ["tribunales", "indicadores", "datos abiertos"],
        None,
        "Herramienta de código abierto que calcula tasas de resolución, duración de procesos y "
        "congestión por juzgado a partir de los registros de gestión de casos.",
    ),
    (
        "Alternativas a la prisión preventiva: resultados de un piloto",
        "pilot",
        "es",
        [2],
        ["CL"],
        "2024-12-18",
        "Javiera Muñoz",
        "Ministerio de Justicia y Derechos Humanos de Chile",
        ["prisión preventiva", "medidas alternativas", "evaluación de impacto"],
        (4, "no_effect"),
        "La supervisión electrónica en lugar de la prisión preventiva no cambió la comparecencia "
        "a juicio ni la reincidencia, y redujo el costo por persona a la mitad.",
    ),
    (
        "Guía para investigaciones financieras paralelas",
        "guide",
        "es",
        [3],
        ["CO", "EC", "PE"],
        "2025-02-10",
        "Andrés Castaño; Valeria Ruiz",
        "Unidad de Análisis Financiero del Ecuador",
        ["lavado de activos", "investigación financiera", "decomiso"],
        None,
        "Cómo abrir, junto a cada investigación de narcotráfico o extorsión, una investigación "
        "patrimonial que identifique y embargue los bienes de la organización.",
    ),
    (
        "Following the money: asset recovery in the Caribbean",
        "policy_brief",
        "en",
        [3],
        ["BS", "BB", "JM", "GY"],
        "2025-03-21",
        "Nicole Ferguson",
        "CARICOM Implementation Agency for Crime and Security",
        ["asset recovery", "money laundering", "small island states"],
        None,
        "Why civil recovery and unexplained wealth orders work better than criminal confiscation "
        "alone in small jurisdictions, and what legislation they require.",
    ),
    (
        "Matriz de riesgos de lavado en el sector inmobiliario",
        "tool",
        "es",
        [3],
        ["PA", "CR", "DO"],
        "2025-04-15",
        "Eduardo Herrera",
        "Superintendencia de Sujetos no Financieros de Panamá",
        ["lavado de activos", "sector inmobiliario", "supervisión"],
        None,
        "Indicadores de alerta y una matriz de puntuación para que notarios, agentes y "
        "promotores inmobiliarios identifiquen operaciones sospechosas y las reporten.",
    ),
    (
        "Illicit gold flows in the Guiana Shield",
        "publication",
        "en",
        [3],
        ["GY", "SR", "BR"],
        "2025-05-30",
        "Ravi Persaud; Ana Lima",
        "Global Initiative against Transnational Organized Crime",
        ["illegal mining", "gold", "border control"],
        None,
        "Mapping how illegally mined gold crosses borders and enters legal supply chains, with "
        "the points where customs, mining and financial controls can interrupt it.",
    ),
    (
        "Mercados ilícitos de armas de fuego: diagnóstico regional",
        "publication",
        "es",
        [3],
        REGIONAL,
        "2025-06-25",
        "Tomás Aguilar",
        "Banco Interamericano de Desarrollo",
        ["armas de fuego", "tráfico ilícito", "diagnóstico"],
        None,
        "Origen, rutas y precios de las armas incautadas en la región, con recomendaciones para "
        "el rastreo sistemático y el intercambio de información balística.",
    ),
    (
        "Metodología de análisis de redes criminales a partir de datos financieros",
        "methodology",
        "es",
        [3],
        ["AR", "UY", "PY"],
        "2025-07-16",
        "Pablo Giménez",
        "Ministerio de Seguridad Nacional de la Argentina",
        ["análisis de redes", "inteligencia financiera", "crimen organizado"],
        None,
        "Pasos para construir, a partir de reportes de operaciones sospechosas y registros "
        "societarios, un grafo de personas y empresas que revele a los financistas.",
    ),
    (
        "Controle de fronteiras e contrabando de cigarros",
        "policy_brief",
        "pt",
        [3],
        ["BR", "PY"],
        "2025-08-07",
        "Juliana Prado",
        "Ministério da Justiça e Segurança Pública",
        ["contrabando", "fronteiras", "mercados ilícitos"],
        None,
        "Por que o contrabando de cigarros financia grupos criminosos na fronteira e quais "
        "medidas fiscais e de fiscalização reduziram esse mercado em outros países.",
    ),
    (
        "Beneficial ownership registries: implementation checklist",
        "tool",
        "en",
        [3],
        REGIONAL,
        "2025-09-03",
        "",
        "Alliance technical secretariat",
        ["beneficial ownership", "transparency", "money laundering"],
        None,
        "Forty questions that show whether a national registry of the real owners of companies "
        "is complete, verified, up to date and usable by investigators.",
    ),
    (
        "Curso de análisis de inteligencia financiera",
        "training",
        "es",
        [3],
        ["HN", "GT", "PA"],
        "2025-09-24",
        "Mónica Reyes",
        "Unidad de Análisis Financiero de Panamá",
        ["inteligencia financiera", "capacitación", "lavado de activos"],
        None,
        "Programa de tres semanas para analistas: tipologías de lavado, consultas a bases de "
        "datos, elaboración de informes de inteligencia y trabajo con fiscalías.",
    ),
    (
        "Extortion reporting hotline: pilot in Tegucigalpa",
        "pilot",
        "en",
        [3, 1],
        ["HN"],
        "2025-10-01",
        "Daniel Flores",
        "Secretaría de Seguridad de Honduras",
        ["extortion", "victims", "reporting"],
        (2, "promising"),
        "An anonymous hotline linked to a specialised unit: reports of extortion against bus "
        "drivers tripled, and a third led to arrests within the first year.",
    ),
    (
        "Conjunto de datos de incautaciones de drogas 2020–2024",
        "dataset",
        "es",
        [3],
        ["EC", "CO", "PE", "PA"],
        "2025-04-29",
        "",
        "Secretaría técnica de la Alianza",
        ["narcotráfico", "incautaciones", "datos abiertos"],
        None,
        "Incautaciones mensuales por país, tipo de droga y punto de control, armonizadas a "
        "partir de los registros oficiales, con notas sobre cambios de método.",
    ),
    (
        "Marco de cooperación para el decomiso sin condena",
        "methodology",
        "es",
        [3, 2],
        REGIONAL,
        "2025-10-20",
        "Inés Barrios",
        "Secretaría técnica de la Alianza",
        ["decomiso", "cooperación internacional", "recuperación de activos"],
        None,
        "Modelo de acuerdo y procedimiento para reconocer y ejecutar entre países las "
        "sentencias de extinción de dominio sobre bienes de origen ilícito.",
    ),
    (
        "Diagnóstico compartido: homicidios en América Latina y el Caribe",
        "publication",
        "es",
        [1, 2, 3],
        REGIONAL,
        "2024-12-12",
        "",
        "Secretaría técnica de la Alianza",
        ["homicidios", "diagnóstico", "crimen organizado"],
        None,
        "Documento fundacional de la Alianza: tendencias de homicidio, peso del crimen "
        "organizado y capacidades institucionales de los países miembros.",
    ),
    (
        "Shared diagnosis: homicide in Latin America and the Caribbean",
        "publication",
        "en",
        [1, 2, 3],
        REGIONAL,
        "2024-12-12",
        "",
        "Alliance technical secretariat",
        ["homicide", "diagnosis", "organised crime"],
        None,
        "The Alliance's founding document: homicide trends, the weight of organised crime and the "
        "institutional capacities of the member countries.",
    ),
    (
        "Diagnostic partagé : les homicides en Amérique latine et dans les Caraïbes",
        "publication",
        "fr",
        [1, 2, 3],
        REGIONAL,
        "2025-02-01",
        "",
        "Secrétariat technique de l'Alliance",
        ["homicides", "diagnostic", "criminalité organisée"],
        None,
        "Document fondateur de l'Alliance : tendances des homicides, poids de la criminalité "
        "organisée et capacités institutionnelles des pays membres.",
    ),
    (
        "Metodología para planes nacionales de seguridad basados en evidencia",
        "methodology",
        "es",
        [1, 2],
        REGIONAL,
        "2025-05-15",
        "Hernán Castillo",
        "Banco Interamericano de Desarrollo",
        ["planificación", "políticas públicas", "evidencia"],
        None,
        "Cómo priorizar problemas, elegir intervenciones con evidencia, presupuestarlas y "
        "definir metas verificables en un plan nacional de seguridad ciudadana.",
    ),
    (
        "Focused deterrence in Kingston: design notes",
        "other",
        "en",
        [1, 2],
        ["JM"],
        "2025-06-20",
        "Marsha Brown",
        "Ministry of National Security of Jamaica",
        ["focused deterrence", "gangs", "policing"],
        None,
        "Working notes on adapting group violence intervention to Kingston's gangs: call-ins, "
        "support offers and the enforcement promise, agreed with community leaders.",
    ),
    (
        "Repositorio de evaluaciones de impacto en seguridad ciudadana",
        "dataset",
        "es",
        [1, 2, 3],
        REGIONAL,
        "2025-11-03",
        "",
        "Secretaría técnica de la Alianza",
        ["evaluación de impacto", "evidencia", "datos abiertos"],
        None,
        "Base de 180 evaluaciones de programas de seguridad y justicia en la región, "
        "clasificadas por tipo de intervención, método y resultado.",
    ),
]

# (translation title, original title)
TRANSLATIONS = [
    ("Youth recruitment prevention guide", "Guía de prevención del reclutamiento juvenil"),
    (
        "Shared diagnosis: homicide in Latin America and the Caribbean",
        "Diagnóstico compartido: homicidios en América Latina y el Caribe",
    ),
    (
        "Diagnostic partagé : les homicides en Amérique latine et dans les Caraïbes",
        "Diagnóstico compartido: homicidios en América Latina y el Caribe",
    ),
]

RELATED = [
    (
        "Guía de prevención del reclutamiento juvenil",
        "Curso virtual: prevención comunitaria de la violencia",
    ),
    (
        "Hot spots policing in Montevideo: randomised evaluation",
        "Modelo de gestión por resultados para policías nacionales",
    ),
    (
        "Guía para investigaciones financieras paralelas",
        "Metodología de análisis de redes criminales a partir de datos financieros",
    ),
    (
        "Following the money: asset recovery in the Caribbean",
        "Marco de cooperación para el decomiso sin condena",
    ),
]

# Proposals still in the workflow, for the workspace: (title, status, summary).
PROPOSALS = [
    (
        "Manual de policía comunitaria para zonas costeras",
        KnowledgeProduct.Status.DRAFT,
        "Borrador del Ministerio del Interior sobre patrullaje comunitario en puertos y caletas.",
    ),
    (
        "Informe de avance del observatorio nacional del delito",
        KnowledgeProduct.Status.IN_REVIEW,
        "Primeros resultados del observatorio: fuentes, indicadores y calidad de los datos.",
    ),
]

BODY = """## {who}

{organisation}

## {use}

- {point_1}
- {point_2}
"""

BODY_TEXT = {
    "es": (
        "Elaborado por", "Cómo usarlo",
        "Compártalo con los equipos técnicos de su ministerio.",
        "Adapte los ejemplos a su contexto y comparta sus resultados con la Alianza.",
    ),
    "en": (
        "Prepared by", "How to use it",
        "Share it with the technical teams of your ministry.",
        "Adapt the examples to your context and share your results with the Alliance.",
    ),
    "pt": (
        "Elaborado por", "Como usar",
        "Compartilhe com as equipes técnicas do seu ministério.",
        "Adapte os exemplos ao seu contexto e compartilhe os resultados com a Aliança.",
    ),
    "fr": (
        "Préparé par", "Comment l'utiliser",
        "Partagez-le avec les équipes techniques de votre ministère.",
        "Adaptez les exemples à votre contexte et partagez vos résultats avec l'Alliance.",
    ),
}  # fmt: skip


def _body(language: str, summary: str, organisation: str) -> str:
    who, use, point_1, point_2 = BODY_TEXT[language]
    return BODY.format(
        who=who,
        organisation=organisation,
        use=use,
        point_1=point_1,
        point_2=point_2,
    )


def _csv_for(title: str) -> SimpleUploadedFile:
    rows = ["country,year,value"] + [
        f"EC,{year},{100 + year % 7 * 13}" for year in range(2020, 2025)
    ]
    return SimpleUploadedFile("data.csv", ("\n".join(rows) + "\n").encode(), "text/csv")


def load_demo_products(*, secretariat, proposer=None) -> int:
    """Create the demo products that are missing; return how many were created."""
    groups = {group.number: group for group in WorkingGroup.objects.all()}
    countries = {country.iso_code: country for country in Country.objects.all()}
    existing = set(KnowledgeProduct.objects.values_list("title", flat=True))
    created = 0
    for (
        title, product_type, language, pillars, covered, date, authors, organisation, topics,
        evidence, summary,
    ) in PRODUCTS:  # fmt: skip
        if title in existing:
            continue
        regional = covered == REGIONAL
        product = services.product_create(
            by=secretariat,
            title=title,
            product_type=product_type,
            summary=summary,
            body=_body(language, summary, organisation),
            language=language,
            pillars=[groups[number] for number in pillars],
            countries=[]
            if regional
            else [countries[code] for code in covered if code in countries],
            is_regional=regional,
            published_on=datetime.date.fromisoformat(date),
            authors=authors,
            organisation=organisation,
            topics=topics,
            working_group=groups[pillars[0]],
            evidence_level=evidence[0] if evidence else None,
            evidence_verdict=evidence[1] if evidence else "",
        )
        if product_type == "dataset":
            services.product_file_add(
                product=product, by=secretariat, label="Data (CSV)", upload=_csv_for(title)
            )
        services.product_publish(product=product, by=secretariat)
        created += 1
    _link_translations_and_related(secretariat)
    if proposer is not None:
        created += _proposals(proposer, secretariat)
    return created


def _link_translations_and_related(secretariat) -> None:
    by_title = {p.title: p for p in KnowledgeProduct.objects.all()}
    for translation_title, original_title in TRANSLATIONS:
        translation, original = by_title.get(translation_title), by_title.get(original_title)
        if translation and original and translation.translation_of_id != original.pk:
            services.product_update(
                product=translation,
                by=secretariat,
                version=translation.version,
                translation_of=original,
            )
    for first_title, second_title in RELATED:
        first, second = by_title.get(first_title), by_title.get(second_title)
        if first and second and not first.related_products.filter(pk=second.pk).exists():
            first.related_products.add(second)


def _proposals(proposer, secretariat) -> int:
    created = 0
    for title, status, summary in PROPOSALS:
        if KnowledgeProduct.objects.filter(title=title).exists():
            continue
        product = services.product_create(
            by=proposer,
            title=title,
            product_type="guide",
            summary=summary,
            language="es",
            pillars=[WorkingGroup.objects.get(number=2)],
            is_regional=False,
            countries=list(Country.objects.filter(iso_code="EC")),
        )
        if status == KnowledgeProduct.Status.IN_REVIEW:
            services.product_submit(product=product, by=proposer)
        created += 1
    return created


def load(*, password: str):
    """Called by ``manage.py load_demo`` (after the members' demo people exist)."""
    from members.models import User

    load_demo_products(
        secretariat=User.objects.get(email="secretariat@alliance.test"),
        proposer=User.objects.get(email="focal.ecuador@alliance.test"),
    )
    return []
