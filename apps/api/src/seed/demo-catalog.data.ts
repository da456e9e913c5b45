/**
 * The shape of the demo catalog: a category tree whose leaves name what they sell, with a
 * typical price (minor units) and the options their variants differ by.
 */
export interface DemoCategory {
  name: string;
  children?: DemoCategory[];
  /** Leaves only: product nouns, a base price and the option that tells variants apart. */
  goods?: { nouns: string[]; basePrice: number; option: [string, string[]] };
}

const SIZES: [string, string[]] = ['size', ['S', 'M', 'L', 'XL']];
const SHOE_SIZES: [string, string[]] = ['size', ['40', '41', '42', '43', '44']];
const COLOURS: [string, string[]] = ['colour', ['black', 'white', 'blue', 'red', 'green', 'grey']];
const CAPACITY: [string, string[]] = ['storage', ['128 GB', '256 GB', '512 GB', '1 TB']];
const FORMATS: [string, string[]] = ['format', ['paperback', 'hardcover', 'e-book', 'audiobook']];

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    name: 'Electronics',
    children: [
      {
        name: 'Computers',
        children: [
          { name: 'Laptops', goods: { nouns: ['Laptop', 'Notebook', 'Ultrabook', 'Chromebook'], basePrice: 89900, option: CAPACITY } },
          {
            name: 'Monitors',
            goods: { nouns: ['Monitor', 'Display', 'Curved Monitor'], basePrice: 24900, option: ['size', ['24"', '27"', '32"']] },
          },
          { name: 'Keyboards & Mice', goods: { nouns: ['Keyboard', 'Mouse', 'Trackpad'], basePrice: 4900, option: COLOURS } },
        ],
      },
      { name: 'Phones', goods: { nouns: ['Smartphone', 'Phone Case', 'Charger'], basePrice: 59900, option: CAPACITY } },
      {
        name: 'Audio',
        children: [
          { name: 'Headphones', goods: { nouns: ['Headphones', 'Earbuds', 'Headset'], basePrice: 12900, option: COLOURS } },
          { name: 'Speakers', goods: { nouns: ['Speaker', 'Soundbar', 'Turntable'], basePrice: 17900, option: COLOURS } },
        ],
      },
    ],
  },
  {
    name: 'Clothing',
    children: [
      { name: 'Tops', goods: { nouns: ['T-shirt', 'Hoodie', 'Sweater', 'Shirt'], basePrice: 2900, option: SIZES } },
      { name: 'Outerwear', goods: { nouns: ['Rain Jacket', 'Parka', 'Fleece', 'Vest'], basePrice: 11900, option: SIZES } },
      {
        name: 'Shoes',
        children: [
          {
            name: 'Running Shoes',
            goods: { nouns: ['Running Shoe', 'Trail Runner', 'Racing Flat'], basePrice: 12900, option: SHOE_SIZES },
          },
          { name: 'Boots', goods: { nouns: ['Hiking Boot', 'Chelsea Boot', 'Snow Boot'], basePrice: 15900, option: SHOE_SIZES } },
        ],
      },
    ],
  },
  {
    name: 'Home & Kitchen',
    children: [
      {
        name: 'Cookware',
        goods: {
          nouns: ['Frying Pan', 'Saucepan', 'Dutch Oven', 'Wok'],
          basePrice: 5900,
          option: ['diameter', ['20 cm', '24 cm', '28 cm']],
        },
      },
      {
        name: 'Coffee & Tea',
        goods: { nouns: ['Coffee Grinder', 'Espresso Machine', 'Kettle', 'Teapot'], basePrice: 8900, option: COLOURS },
      },
      { name: 'Lighting', goods: { nouns: ['Desk Lamp', 'Floor Lamp', 'Pendant Light'], basePrice: 6900, option: COLOURS } },
    ],
  },
  {
    name: 'Sports & Outdoors',
    children: [
      {
        name: 'Camping',
        goods: {
          nouns: ['Tent', 'Sleeping Bag', 'Camping Stove', 'Backpack'],
          basePrice: 14900,
          option: ['capacity', ['1 person', '2 person', '4 person']],
        },
      },
      { name: 'Cycling', goods: { nouns: ['Bike Helmet', 'Bike Light', 'Cycling Jersey'], basePrice: 6900, option: SIZES } },
      { name: 'Fitness', goods: { nouns: ['Yoga Mat', 'Kettlebell', 'Resistance Band'], basePrice: 2900, option: COLOURS } },
    ],
  },
  {
    name: 'Books',
    children: [
      { name: 'Fiction', goods: { nouns: ['Novel', 'Short Stories', 'Thriller'], basePrice: 1499, option: FORMATS } },
      { name: 'Non-fiction', goods: { nouns: ['Cookbook', 'Field Guide', 'Biography'], basePrice: 2499, option: FORMATS } },
    ],
  },
];

export const DEMO_ADJECTIVES = [
  'Classic',
  'Ultralight',
  'Pro',
  'Compact',
  'Everyday',
  'Premium',
  'Vintage',
  'Rugged',
  'Essential',
  'Deluxe',
  'Eco',
  'Smart',
  'Travel',
  'Studio',
  'Urban',
  'Alpine',
  'Nordic',
  'Coastal',
  'Modern',
  'Heritage',
];

export const DEMO_BRANDS = ['Congo', 'Kivu', 'Ubangi', 'Kasai', 'Lualaba', 'Sangha', 'Ruzizi', 'Lomami'];
