// Portugal: no address search, but postal code and parish look-ups. A postal
// code gives district (a1), municipality (a2) and postal locality (a3); the
// parish (freguesia) of that municipality goes in a4.
import { country, str, enumOf, street, postalCode } from './helpers.mjs';

const MADEIRA = 'Região Autónoma da Madeira';
const ACORES = 'Região Autónoma dos Açores';
const DISTRICTS = ['Aveiro', 'Beja', 'Braga', 'Bragança', 'Castelo Branco', 'Coimbra', 'Évora', 'Faro', 'Guarda',
  'Leiria', 'Lisboa', 'Portalegre', 'Porto', 'Santarém', 'Setúbal', 'Viana do Castelo', 'Vila Real', 'Viseu', ACORES, MADEIRA];

// [postal code, district, municipality, postal locality]
const POSTAL_CODES = [
  ['1000-001', 'Lisboa', 'Lisboa', 'Lisboa'], ['1050-094', 'Lisboa', 'Lisboa', 'Lisboa'],
  ['1100-148', 'Lisboa', 'Lisboa', 'Lisboa'], ['1200-195', 'Lisboa', 'Lisboa', 'Lisboa'],
  ['1249-970', 'Lisboa', 'Lisboa', 'Lisboa'], ['1400-206', 'Lisboa', 'Lisboa', 'Lisboa'],
  ['1495-063', 'Lisboa', 'Oeiras', 'Algés'], ['2780-183', 'Lisboa', 'Oeiras', 'Oeiras'],
  ['2750-642', 'Lisboa', 'Cascais', 'Cascais'], ['2710-616', 'Lisboa', 'Sintra', 'Sintra'],
  ['4000-322', 'Porto', 'Porto', 'Porto'], ['4050-346', 'Porto', 'Porto', 'Porto'], ['4100-138', 'Porto', 'Porto', 'Porto'],
  ['4400-263', 'Porto', 'Vila Nova de Gaia', 'Vila Nova de Gaia'], ['4450-208', 'Porto', 'Matosinhos', 'Matosinhos'],
  ['3000-143', 'Coimbra', 'Coimbra', 'Coimbra'], ['4700-435', 'Braga', 'Braga', 'Braga'], ['8000-138', 'Faro', 'Faro', 'Faro'],
  ['9000-018', MADEIRA, 'Funchal', 'Funchal'], ['9500-150', ACORES, 'Ponta Delgada', 'Ponta Delgada'],
  ['3810-193', 'Aveiro', 'Aveiro', 'Aveiro'], ['2900-476', 'Setúbal', 'Setúbal', 'Setúbal'],
  ['7000-504', 'Évora', 'Évora', 'Évora'], ['2400-118', 'Leiria', 'Leiria', 'Leiria'], ['3500-077', 'Viseu', 'Viseu', 'Viseu'],
];

// [district, municipality, [parish, ...]]
const PARISHES = [
  ['Lisboa', 'Lisboa', ['Ajuda', 'Alcântara', 'Alvalade', 'Areeiro', 'Arroios', 'Avenidas Novas', 'Beato', 'Belém',
    'Benfica', 'Campo de Ourique', 'Campolide', 'Carnide', 'Estrela', 'Lumiar', 'Marvila', 'Misericórdia', 'Olivais',
    'Parque das Nações', 'Penha de França', 'Santa Clara', 'Santa Maria Maior', 'Santo António',
    'São Domingos de Benfica', 'São Vicente']],
  ['Lisboa', 'Oeiras', ['Algés, Linda-a-Velha e Cruz Quebrada-Dafundo', 'Barcarena', 'Carnaxide e Queijas',
    'Oeiras e São Julião da Barra, Paço de Arcos e Caxias', 'Porto Salvo']],
  ['Lisboa', 'Cascais', ['Alcabideche', 'Carcavelos e Parede', 'Cascais e Estoril', 'São Domingos de Rana']],
  ['Lisboa', 'Sintra', ['Algueirão-Mem Martins', 'Agualva e Mira-Sintra', 'Cacém e São Marcos', 'Colares',
    'Queluz e Belas', 'Rio de Mouro', 'Sintra (Santa Maria e São Miguel, São Martinho e São Pedro de Penaferrim)']],
  ['Porto', 'Porto', ['Bonfim', 'Campanhã', 'Paranhos', 'Ramalde', 'Aldoar, Foz do Douro e Nevogilde',
    'Cedofeita, Santo Ildefonso, Sé, Miragaia, São Nicolau e Vitória', 'Lordelo do Ouro e Massarelos']],
  ['Porto', 'Vila Nova de Gaia', ['Mafamude e Vilar do Paraíso', 'Santa Marinha e São Pedro da Afurada', 'Canidelo',
    'Oliveira do Douro', 'Vilar de Andorinho', 'Madalena']],
  ['Porto', 'Matosinhos', ['Matosinhos e Leça da Palmeira', 'Custóias, Leça do Balio e Guifões',
    'Perafita, Lavra e Santa Cruz do Bispo', 'São Mamede de Infesta e Senhora da Hora']],
  ['Coimbra', 'Coimbra', ['Coimbra (Sé Nova, Santa Cruz, Almedina e São Bartolomeu)', 'Santo António dos Olivais',
    'Eiras e São Paulo de Frades', 'Santa Clara e Castelo Viegas']],
  ['Braga', 'Braga', ['Braga (São Vicente)', 'Braga (São Vítor)', 'Braga (Maximinos, Sé e Cividade)',
    'Braga (São José de São Lázaro e São João do Souto)', 'Nogueira, Fraião e Lamaçães']],
  ['Faro', 'Faro', ['Faro (Sé e São Pedro)', 'Montenegro', 'Conceição e Estoi', 'Santa Bárbara de Nexe']],
  [MADEIRA, 'Funchal', ['Sé', 'Santa Maria Maior', 'São Pedro', 'Imaculado Coração de Maria', 'Santa Luzia',
    'São Martinho', 'Santo António', 'São Gonçalo', 'São Roque', 'Monte']],
  [ACORES, 'Ponta Delgada', ['Ponta Delgada (São José)', 'Ponta Delgada (São Sebastião)', 'Ponta Delgada (São Pedro)',
    'Fajã de Baixo', 'Relva']],
  ['Aveiro', 'Aveiro', ['Glória e Vera Cruz', 'Esgueira', 'Aradas', 'São Bernardo', 'Santa Joana']],
  ['Setúbal', 'Setúbal', ['Setúbal (São Julião, Nossa Senhora da Anunciada e Santa Maria da Graça)', 'São Sebastião',
    'Azeitão (São Lourenço e São Simão)', 'Sado', 'Gâmbia-Pontes-Alto da Guerra']],
  ['Évora', 'Évora', ['Évora (São Mamede, Sé, São Pedro e Santo Antão)', 'Bacelo e Senhora da Saúde',
    'Malagueira e Horta das Figueiras', 'Canaviais']],
  ['Leiria', 'Leiria', ['Leiria, Pousos, Barreira e Cortes', 'Marrazes e Barosa', 'Parceiros e Azoia', 'Maceira']],
  ['Viseu', 'Viseu', ['Viseu', 'Rio de Loba', 'Abraveses', 'Ranhados']],
];

const pt = country('PT', 'Portugal', '351', {
  fields: [
    street('Street name with its type, e.g. "Rua Augusta" or "Avenida da Liberdade".', 60),
    ['hno', str('Door number', 'Door number (número de polícia) with optional letter, or "s/n" when there is none.', { max: 6, re: '^(?:[0-9]{1,4}[A-Z]?|s/n)$' })],
    ['flr', str('Floor and side', 'Floor and side (andar), e.g. "3.º Esq." or "R/C".', { optional: true, max: 15 })],
    postalCode('Seven-digit postal code in the form NNNN-NNN, e.g. 1100-148. Choose it first: it fills district, municipality and locality.', 8, '^[1-9][0-9]{3}-[0-9]{3}$', 'https://www.ctt.pt/feapl_2/app/open/postalCodeSearch/postalCodeSearch.jspx'),
    ['a3', str('Postal locality', 'Postal locality (localidade) given by the postal code, e.g. Lisboa.', { max: 50 })],
    ['a1', enumOf('District', 'District (distrito) or autonomous region.', DISTRICTS, { max: 30 })],
    ['a2', str('Municipality', 'Municipality (concelho), e.g. Oeiras.', { max: 50 })],
    ['a4', str('Parish', 'Parish (freguesia) of the municipality; choose from the list.', { max: 100 })],
  ],
  zones: 'automatic',
  addressApi: 'postalCodesAndParishes',
  sampleAddress: { a6: 'Praça do Comércio', hno: 's/n', pc: '1100-148', a3: 'Lisboa', a1: 'Lisboa', a2: 'Lisboa', a4: 'Santa Maria Maior' },
  postalCodes: POSTAL_CODES.map(([value, a1, a2, a3]) => ({ value, display: `${value} ${a3}`, a1, a2, a3 })),
  parishes: PARISHES.flatMap(([a1, a2, names]) => names.map((name) => ({ a1, a2, value: name, display: name }))),
});

export default [pt];
