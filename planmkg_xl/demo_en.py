"""The demo plan's texts in English: `planmkg demo --lang en` gives an English demo, content included.

Why a table of translations rather than a second demo: the numbers stay one set, so the
French and English demos are the same plan (same checks, same deck numbers) and differ
only in words. A test keeps it complete: every text of the French demo has an entry
here, so a text added to the demo without its English cannot reach an English user.
Names (company, people, products of other firms, tools) are listed as they are.
"""
from __future__ import annotations

KEEP = frozenset({
    "EUR", "SEO", "SEM", "Newsletter", "Account Based Marketing", "Nurturing", "Webinars", "CRM", "Documentation", "Premium",
    "Inside sales", "Stars", "Pharma", "Purpose", "Expression", "Consultation", "Meetings", "LinkedIn", "Blog", "Emailing",
    "Online", "Lead gen", "Web tracking", "CMS", "WordPress", "Web analytics", "Google Analytics", "Marketing automation",
    "Sensix", "MaintPro", "Industria Group", "DataPlant", "Optilog", "Claire Martin", "Hugo Lefèvre", "Inès Bernard",
    "Thomas Roux", "Global Industrie Paris", "SIDO Lyon", "LinkedIn, Google Ads", "Key account plans", "+1 inside sales",
    "Service 1", "Service 2", "Service 1 24/7", "S1", "S2", "S3", "S4", "S5", "M1", "M2", "M3", "M4", "M5", "Optilog Systèmes",
    "Landing page, webinar, Ads",
})

EN: dict[str, str] = {
    # identity and Ansoff
    "Claire Martin, Directrice marketing": "Claire Martin, Marketing Director",
    "maintenance prédictive": "predictive maintenance",
    "Segment grands comptes : maintenance prédictive sur le parc installé": "Key accounts: predictive maintenance on the installed base",
    "Lancement de Produit 5 v2 en juin": "Launch of Product 5 v2 in June",
    "Premiers clients en Asie du Sud-Est (Vietnam) avec 2 partenaires": "First customers in South-East Asia (Vietnam) with 2 partners",
    "Nous concentrons nos efforts sur trois axes : la fidélisation client, le lancement produit de juin et l'optimisation de la lead generation.":
        "We focus on three priorities: customer loyalty, the June product launch and better lead generation.",
    "Avec un budget quasi stable, nous réduisons les salons et nous équipons d'une plateforme d'emailing et de web tracking plus performante.":
        "With an almost flat budget, we cut trade shows and invest in a stronger emailing and web-tracking platform.",
    # offer lines and lead sources
    "Produit 1": "Product 1", "Produit 2": "Product 2", "Produit 3": "Product 3", "Produit 4": "Product 4", "Produit 5": "Product 5",
    "Logiciels": "Software", "Capteurs": "Sensors", "Services": "Services",
    "Médias sociaux": "Social media", "Formulaires web": "Web forms", "Autres web": "Other web", "Événements": "Events",
    "Télémarketing": "Telemarketing", "Prospection commerciale": "Sales prospecting", "Appels entrants": "Inbound calls", "Autres": "Other",
    "Lancement Produit 5 v1 (mai 2025)": "Product 5 v1 launch (May 2025)", "Webinar maintenance prédictive": "Predictive maintenance webinar",
    "Qualification des leads salons": "Qualifying trade-show leads",
    "52 leads en 3 semaines": "52 leads in 3 weeks", "210 inscrits, 45 leads qualifiés": "210 sign-ups, 45 qualified leads",
    "505 leads de salons jamais qualifiés": "505 trade-show leads never qualified",
    "Coût au lead qualifié 333 €, 27 % en opportunité": "€333 per qualified lead, 27% to opportunity",
    # web months
    "Janvier": "January", "Février": "February", "Mars": "March", "Avril": "April", "Mai": "May", "Juin": "June", "Juillet": "July",
    "Août": "August", "Septembre": "September", "Octobre": "October", "Novembre": "November", "Décembre": "December",
    # emailing campaigns and events
    "Newsletter janvier": "January newsletter", "Invitation salon SIDO": "SIDO trade show invitation", "Newsletter avril": "April newsletter",
    "Lancement Produit 5": "Product 5 launch", "Newsletter septembre": "September newsletter",
    "Relance clients dormants": "Dormant customers win-back", "Newsletter décembre": "December newsletter",
    "Salon SIDO Lyon": "SIDO trade show, Lyon", "Séminaire clients Nantes": "Customer seminar, Nantes", "Journée clients VIP": "VIP customer day",
    # objectives
    "Améliorer la profitabilité de 2 points sur l'année": "Improve profitability by 2 points over the year",
    "Générer +13,6 % de chiffre d'affaires par rapport à N-1": "Grow revenue by 13.6% on last year",
    "Réduire de 30 % la durée du cycle de vente grands comptes": "Cut the key-account sales cycle by 30%",
    "Signer 20 premiers clients en Asie du Sud-Est au second semestre": "Sign the first 20 customers in South-East Asia in H2",
    "Augmenter la pénétration marché de 5 % sur l'année fiscale": "Raise market penetration by 5% over the fiscal year",
    "Réduire de 30 % le coût au lead qualifié, à budget stable": "Cut the cost per qualified lead by 30%, on a flat budget",
    "Augmenter de 30 % les leads entrants, dont 300 sur le lancement de juin": "Raise inbound leads by 30%, 300 of them from the June launch",
    "Augmenter de 30 % la conversion lead qualifié → opportunité": "Raise qualified lead → opportunity conversion by 30%",
    "Lancer l'entreprise au Vietnam et recruter 2 partenaires": "Launch the company in Vietnam and recruit 2 partners",
    "Générer 50 opportunités de ventes croisées": "Generate 50 cross-selling opportunities",
    # budget lines
    "Communauté clients": "Customer community", "Parcours clients": "Customer journeys", "Emailing clients dormants": "Dormant customers emailing",
    "Journées clients VIP": "VIP customer days", "Webinars clients": "Customer webinars", "Cadeaux de fin d'année": "Year-end gifts",
    "Lancement produit juin": "June product launch", "Salons": "Trade shows", "Adwords / bannières": "Adwords / banners",
    "Séminaires": "Seminars", "Emailing et bases de données externes": "Emailing and external databases",
    "Site web — design / hébergement": "Website — design / hosting", "Relations presse": "Press relations",
    "Rédaction de contenus": "Content writing", "Vidéos": "Videos", "Plateforme emailing": "Emailing platform",
    # KPIs
    "Web : visites": "Web: visits", "Web : taux de conversion en lead": "Web: lead conversion rate",
    "Emailing clients : taux de clic": "Customer emailing: click rate", "Nouveaux clients": "New customers",
    "Lead generation : leads qualifiés": "Lead generation: qualified leads",
    "Lead generation : conversion en opportunité": "Lead generation: conversion to opportunity",
    "Lead generation : coût par lead qualifié": "Lead generation: cost per qualified lead",
    "Satisfaction clients (NPS)": "Customer satisfaction (NPS)",
    # market review
    "Les budgets d'investissement industriels se contractent": "Industrial capital budgets are shrinking",
    "Arbitrages plus longs, promotions permanentes": "Longer decisions, constant discounting",
    "Notre offre premium est mise en concurrence ; taux de remise +20 %": "Our premium offer is put to tender; discount rate +20%",
    "La maintenance prédictive devient un standard": "Predictive maintenance is becoming standard",
    "Nouveaux entrants logiciels": "New software entrants",
    "Opportunité de vente croisée capteurs + logiciel": "Cross-selling opportunity: sensors + software",
    "Directive NIS2 sur la cybersécurité": "NIS2 cybersecurity directive",
    "Audits obligatoires pour les sites sensibles": "Mandatory audits for sensitive sites",
    "Argument de conformité pour Produit 3": "Compliance argument for Product 3",
    "Les acheteurs B2B s'informent en ligne avant tout contact": "B2B buyers research online before any contact",
    "70 % du parcours se fait sans commercial": "70% of the journey happens without a salesperson",
    "Le contenu et le SEO deviennent prioritaires": "Content and SEO become priorities",
    # segments
    "Agroalimentaire": "Food and beverage", "ETI 200–2 000 salariés, 900 sites en France": "Mid-size firms, 200–2,000 staff, 900 sites in France",
    "Disponibilité des lignes, traçabilité": "Line availability, traceability", "Produits 2 et 4, Service 1": "Products 2 and 4, Service 1",
    "Fort : +15 %": "High: +15%", "Surtout clients existants": "Mostly existing customers", "Pharma / chimie": "Pharma / chemicals",
    "280 sites en France": "280 sites in France", "Conformité, planification de production": "Compliance, production planning",
    "Produit 3, Service 2": "Product 3, Service 2", "Fort : +20 %": "High: +20%", "Objectif : 1 nouveau labo": "Goal: 1 new laboratory",
    "Énergie / utilities": "Energy / utilities", "Grands comptes, 40 cibles": "Key accounts, 40 targets",
    "Cybersécurité, télémaintenance": "Cybersecurity, remote maintenance", "Produits 2 et 3": "Products 2 and 3", "Moyen": "Medium",
    "Grands comptes existants": "Existing key accounts", "Industrie manufacturière PME": "Manufacturing SMEs",
    "PME 50–250 salariés, 6 000 sites": "SMEs, 50–250 staff, 6,000 sites", "Simplicité, coût": "Simplicity, cost",
    "Produit 5, offre en ligne": "Product 5, online offer", "Fort en volume": "High in volume",
    # personas
    "Directeur de maintenance": "Maintenance manager", "Ingénieur, 45 ans, 3 000 en France": "Engineer, 45, 3,000 in France",
    "Moins d'arrêts non planifiés": "Fewer unplanned stops", "Oui": "Yes", "Oui : 20 ans de capteurs": "Yes: 20 years of sensors",
    "Directeur d'usine": "Plant manager", "Responsable du TRS et des coûts": "Owns OEE and costs", "Productivité, visibilité": "Productivity, visibility",
    "DSI industrielle": "Industrial CIO", "Sécurité et intégration": "Security and integration",
    "Conformité NIS2, intégration SI": "NIS2 compliance, IT integration", "Non": "No",
    # competitors
    "Offre en ligne de capteurs connectés": "Online offer of connected sensors", "PME France": "French SMEs", "Winner : prix": "Winner: price",
    "Plus que nous ; très bon SEO": "More than us; very good SEO", "Suite GMAO + IA": "CMMS suite + AI", "Grands comptes": "Key accounts",
    "Winner : lancement produit": "Winner: product launch", "Budget inconnu": "Budget unknown", "Salons, presse": "Trade shows, press",
    "Intégrateur généraliste": "Generalist integrator", "ETI": "Mid-size firms", "Loser : perte de 2 grands comptes": "Loser: lost 2 key accounts",
    "Moins que nous": "Less than us", "Plateforme data industrielle": "Industrial data platform", "Winner : levée de fonds": "Winner: fund-raising",
    "Plus que nous": "More than us", "Webinars, contenus": "Webinars, content",
    # SWOT
    "20 ans d'expertise capteurs et un parc installé de 2 000 sites": "20 years of sensor expertise and an installed base of 2,000 sites",
    "Taux de fidélité clients de 90 %": "90% customer retention", "Service client noté 4,6/5": "Customer service rated 4.6/5",
    "Notoriété faible hors de l'agroalimentaire": "Low awareness outside food and beverage",
    "Peu de contenus en ligne": "Little online content",
    "Coût au lead qualifié des événements élevé (473 €)": "High cost per qualified lead at events (€473)", "Maintenance prédictive devenue standard": "Predictive maintenance now standard",
    "Directive NIS2": "NIS2 directive", "Demande en Asie du Sud-Est": "Demand in South-East Asia",
    "Nouveaux entrants logiciels à bas prix": "Low-cost software entrants", "Budgets d'investissement en baisse": "Falling capital budgets",
    # positioning
    "Nom": "Name", "Optilog Predict pour l'offre logicielle": "Optilog Predict for the software offer", "Catégorie": "Category",
    "Capteurs et logiciels de maintenance industrielle": "Industrial maintenance sensors and software", "Maintenance prédictive": "Predictive maintenance",
    "Bénéfice": "Benefit", "Moins d'arrêts de production": "Fewer production stops", "Zéro arrêt non planifié, mesuré": "Zero unplanned stops, measured",
    "Marchés cibles": "Target markets", "Agroalimentaire et pharma": "Food and beverage, pharma", "+ industrie manufacturière PME": "+ manufacturing SMEs",
    "Levier": "Lever", "Des sites qui veulent augmenter leur TRS": "Sites that want a higher OEE", "Idem + conformité NIS2": "Same + NIS2 compliance",
    "Avantage compétitif": "Competitive advantage", "Capteurs + logiciel d'un seul fournisseur": "Sensors + software from one supplier",
    "Données de 2 000 sites pour l'IA": "Data from 2,000 sites for AI",
    # mix and distribution
    "Version 2 avec connectivité 5G": "Version 2 with 5G connectivity", "Milieu de gamme": "Mid-range", "Abonnement mensuel": "Monthly subscription",
    "Télémaintenance 24/7": "24/7 remote maintenance", "Forfaits par site": "Per-site packages",
    "Ventes directes grands comptes": "Direct sales, key accounts", "Toute l'offre": "The whole offer", "Ventes directes SMB": "Direct sales, SMB",
    "Produits 4 et 5": "Products 4 and 5", "Produit 5, Services": "Product 5, Services", "Ventes sur internet": "Online sales",
    "Boutique en ligne B2B": "B2B online shop", "Distributeurs": "Distributors", "2 partenaires au Vietnam": "2 partners in Vietnam",
    "Partenaires à valeur ajoutée (intégrateurs, ISV)": "Value-added partners (integrators, ISVs)", "Influenceurs": "Influencers",
    # customer strategy
    "Nouveaux": "New", "Premier achat dans l'année": "First purchase this year", "Parcours d'onboarding": "Onboarding journey",
    "Récents, fréquents, gros montants": "Recent, frequent, large amounts", "Programme ambassadeurs, journée VIP": "Ambassador programme, VIP day",
    "Fidèles": "Loyal", "Achats réguliers": "Regular purchases", "Ventes croisées capteurs + logiciel": "Cross-selling sensors + software",
    "Irréguliers": "Irregular", "Achats espacés": "Infrequent purchases", "Dormants": "Dormant", "Pas d'achat depuis 18 mois": "No purchase for 18 months",
    "Emailing de réactivation": "Reactivation emailing", "Perdus": "Lost", "Partis chez un concurrent": "Left for a competitor",
    "Enquête de départ": "Exit survey",
    "Communauté clients, parcours clients, emailing clients dormants": "Customer community, customer journeys, dormant customers emailing",
    "Campagne de ventes croisées capteurs + logiciel sur les clients stars": "Sensors + software cross-selling campaign to star customers",
    # lead-generation strategy
    "Marché adressable": "Addressable market", "Notoriété": "Awareness", "Intérêt / leads": "Interest / leads", "Leads qualifiés": "Qualified leads",
    "Opportunités": "Opportunities", "Achat": "Purchase",
    "Lancement produit de juin : landing page, webinar, campagne Ads, 300 leads": "June product launch: landing page, webinar, Ads campaign, 300 leads",
    "Moins de salons, plus de SEO et de nurturing ; scoring des leads": "Fewer trade shows, more SEO and nurturing; lead scoring",
    "Traduction du pitch et du site, campagne Business France, démos avec partenaires":
        "Translated pitch and website, Business France campaign, demos with partners",
    "Leads entrants": "Inbound leads", "Coût au lead qualifié": "Cost per qualified lead", "Visiteurs uniques web": "Unique web visitors",
    "Leads web": "Web leads", "CTR moyen emailing": "Average emailing CTR", "Contacts avec email": "Contacts with email",
    "Participants webinars": "Webinar attendees", "Leads en nurturing": "Leads in nurturing",
    # brand
    "Rendre l'industrie plus fiable": "Make industry more reliable", "À formaliser avec la direction": "To formalise with the executive team",
    "Personnalité": "Personality", "Experte, fiable": "Expert, reliable", "Plus proche, plus pédagogique": "Closer, more educational",
    "Architecture de marque": "Brand architecture", "Une marque, 5 produits": "One brand, 5 products", "Gamme Optilog Predict": "Optilog Predict range",
    "Charte graphique": "Visual identity", "Datée (2016)": "Dated (2016)", "Refonte avec le site web": "Redesign with the website",
    "Promesse": "Promise", "Moins d'arrêts": "Fewer stops", "Zéro arrêt non planifié": "Zero unplanned stops", "Messages clés": "Key messages",
    "Non formalisés": "Not formalised", "Plateforme de messages 50/100/250 mots": "50/100/250-word message platform",
    "Salons et commerciaux": "Trade shows and salespeople", "Contenus experts et webinars": "Expert content and webinars",
    "Investissements": "Investments", "SEO, relations presse": "SEO, press relations", "Taux de notoriété": "Awareness rate",
    "Taux de recommandation": "Recommendation rate", "Évolution du trafic web": "Web traffic growth", "Part de voix": "Share of voice",
    "Articles presse": "Press articles",
    # content plan
    "Bon profil": "Right profile", "Aucun": "None", "Rester à l'esprit": "Stay top of mind", "Actualités métier": "Industry news",
    "Réseaux sociaux, newsletter": "Social networks, newsletter", "Définition du problème": "Problem definition",
    "Collecter de l'information": "Gather information", "Donner des idées": "Give ideas", "Études, « comment faire »": "Studies, how-to guides",
    "SEO, livres blancs, vidéos": "SEO, white papers, videos", "Évaluation des options": "Evaluating options", "Comparer": "Compare",
    "Orienter le cahier des charges": "Shape the specifications", "Cahiers des charges type": "Template specifications",
    "Webinars, démos en ligne": "Webinars, online demos", "Faire une short list": "Draw up a short list",
    "Être dans la short list en 1er": "Be first on the short list", "Références, études de cas": "References, case studies",
    "Présentations, démonstrations": "Presentations, demonstrations", "Se décider": "Decide", "Créer du lien": "Build a relationship",
    "Prix, équipe, service": "Price, team, service", "Déploiement / utilisation": "Deployment / use", "Adopter": "Adopt",
    "Développer la relation": "Grow the relationship", "Formation, support": "Training, support", "Extranet, groupes clients": "Extranet, user groups",
    "Recommandation": "Recommendation", "Partager ses résultats": "Share results", "Fidéliser": "Retain", "Témoignages": "Testimonials",
    "Événements clients, LinkedIn": "Customer events, LinkedIn",
    # channel plan and media
    "+ communiqués produit": "+ product press releases", "3 salons au lieu de 5": "3 trade shows instead of 5",
    "2 séminaires régionaux": "2 regional seminars", "Qualification": "Qualification", "Avec l'équipe commerciale": "With the sales team",
    "Site web": "Website", "Refonte, landing pages, appels entrants": "Redesign, landing pages, inbound calls", "Mensuelle": "Monthly",
    "Contenus experts": "Expert content", "SEM (Ads)": "SEM (Ads)", "Recentré sur le lancement": "Refocused on the launch",
    "Nurturing (marketing automation)": "Nurturing (marketing automation)", "Scoring et scénarios": "Scoring and scenarios",
    "Lancement Produit 5 v2 (juin)": "Product 5 v2 launch (June)", "Réseaux sociaux": "Social networks",
    "2 articles / mois": "2 articles / month", "40 comptes cibles": "40 target accounts", "75 000 visiteurs uniques": "75,000 unique visitors",
    "3 000 emails / mois, CTR 5 %": "3,000 emails / month, CTR 5%", "Groupe LinkedIn": "LinkedIn group", "500 membres": "500 members",
    "3 retombées / mois": "3 press mentions / month",
    # action plan
    "Roadmap produit": "Product roadmap", "Produit 5 v2": "Product 5 v2", "Contenus": "Content", "Livre blanc NIS2": "NIS2 white paper",
    "3 études de cas": "3 case studies", "Vidéos produit": "Product videos", "Campagnes majeures": "Major campaigns", "Salon SIDO": "SIDO trade show",
    "Messages / marque": "Messages / brand", "Plateforme de messages": "Message platform", "Nouvelle charte": "New visual identity",
    "Refonte landing pages": "Landing pages redesign", "Nouveau site": "New website", "Scoring des leads": "Lead scoring",
    "Séminaire Nantes": "Nantes seminar", "Dossier de presse": "Press kit", "Communiqué lancement": "Launch press release",
    "Relation client": "Customer relations", "Enquête NPS": "NPS survey", "Interne": "Internal", "Kick-off plan": "Plan kick-off",
    "Revue semestrielle": "Half-year review", "Outils": "Tools",
    # team and technologies
    "Directrice marketing": "Marketing Director", "Marketing opérationnel, événements": "Marketing operations, events",
    "Webmaster, community management": "Webmaster, community management", "Chef de produit logiciels": "Software product manager",
    "Salesforce, ventes seulement": "Salesforce, sales only", "Ouvrir au marketing": "Open it to marketing", "Outil basique": "Basic tool",
    "Plateforme avec web tracking": "Platform with web tracking", "Refonte": "Redesign", "Tableaux de bord mensuels": "Monthly dashboards",
    "Plateforme webinar": "Webinar platform", "Aucune": "None", "Abonnement": "Subscription", "Nurturing et scoring": "Nurturing and scoring",
}


def to_english(text: str) -> str:
    """The English of one demo text; a text with no entry is returned as it is (a test forbids that)."""
    return text if text in KEEP else EN.get(text, text)
