/**
 * Name, city and job pools for the fixtures. International on purpose: a directory must sort, search and
 * render Cyrillic, accented Latin, CJK and Arabic names, not only "John Smith".
 * An entry is either the name itself (Latin or Cyrillic, transliterated for e-mails) or [native, latin].
 */

export type NameEntry = string | readonly [native: string, latin: string]

/** [city, country, IANA time zone, phone country code] */
export type City = readonly [city: string, country: string, tz: string, phoneCode: string]

export interface Culture {
  key: string
  /** share of the workforce */
  weight: number
  male: readonly NameEntry[]
  female: readonly NameEntry[]
  last: readonly NameEntry[]
  /** the female form of a last name (Slavic languages) */
  femaleLast?: (last: string) => string
  /** [male, female] patronymics, used as SECOND_NAME */
  patronymics?: readonly (readonly [string, string])[]
  /** English-style middle names, used as SECOND_NAME now and then */
  middle?: readonly string[]
  cities: readonly City[]
  /** a few positions in the local language, for realism */
  localPositions?: readonly string[]
}

const slavicFemale = (last: string): string => {
  if (/(ов|ев|ёв|ин|ын)$/.test(last)) return last + 'а'
  if (/ский$/.test(last)) return last.replace(/ский$/, 'ская')
  if (/цкий$/.test(last)) return last.replace(/цкий$/, 'цкая')
  if (/ський$/.test(last)) return last.replace(/ський$/, 'ська')
  return last
}
const polishFemale = (last: string): string => last.replace(/ski$/, 'ska').replace(/cki$/, 'cka')
const czechFemale = (last: string): string =>
  /ý$/.test(last) ? last.replace(/ý$/, 'á') : /[áéíóú]$/.test(last) ? last : last.replace(/(a|e)?$/, '') + 'ová'

export const CULTURES: readonly Culture[] = [
  {
    key: 'en',
    weight: 24,
    male: ['James', 'Oliver', 'William', 'Jack', 'Harry', 'George', 'Noah', 'Liam', 'Ethan', 'Michael', 'Daniel', 'Samuel', 'Benjamin', 'Lucas', 'Henry', 'Thomas', 'Christopher', 'Andrew', 'Ryan', 'Nathan'],
    female: ['Olivia', 'Emma', 'Amelia', 'Isla', 'Ava', 'Sophia', 'Charlotte', 'Emily', 'Grace', 'Chloe', 'Lily', 'Hannah', 'Jessica', 'Sarah', 'Megan', 'Abigail', 'Zoe', 'Ruby', 'Evelyn', 'Madison'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Jackson', 'Turner', 'Hill', 'Moore', 'Cooper', 'Ward', 'Morgan', "O'Brien", "O'Connor", 'McAllister'],
    middle: ['Alexander', 'James', 'Rose', 'Marie', 'Lee', 'Ann', 'John', 'Elizabeth'],
    cities: [
      ['London', 'United Kingdom', 'Europe/London', '44'],
      ['Manchester', 'United Kingdom', 'Europe/London', '44'],
      ['New York', 'USA', 'America/New_York', '1'],
      ['San Francisco', 'USA', 'America/Los_Angeles', '1'],
      ['Chicago', 'USA', 'America/Chicago', '1'],
      ['Toronto', 'Canada', 'America/Toronto', '1'],
      ['Sydney', 'Australia', 'Australia/Sydney', '61'],
      ['Dublin', 'Ireland', 'Europe/Dublin', '353'],
    ],
  },
  {
    key: 'de',
    weight: 11,
    male: ['Lukas', 'Maximilian', 'Felix', 'Jonas', 'Leon', 'Paul', 'Tobias', 'Florian', 'Stefan', 'Jürgen', 'Matthias', 'Sebastian', 'Andreas', 'Björn', 'Uwe'],
    female: ['Anna', 'Lena', 'Lea', 'Marie', 'Sophie', 'Johanna', 'Katharina', 'Julia', 'Sabine', 'Ursula', 'Jana', 'Lisa', 'Jördis', 'Friederike', 'Sünje'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Krüger', 'Weiß', 'Groß', 'von Bülow'],
    cities: [
      ['Berlin', 'Germany', 'Europe/Berlin', '49'],
      ['München', 'Germany', 'Europe/Berlin', '49'],
      ['Hamburg', 'Germany', 'Europe/Berlin', '49'],
      ['Köln', 'Germany', 'Europe/Berlin', '49'],
      ['Wien', 'Austria', 'Europe/Vienna', '43'],
      ['Zürich', 'Switzerland', 'Europe/Zurich', '41'],
    ],
    localPositions: ['Softwareentwickler', 'Vertriebsleiter', 'Buchhalterin', 'Projektmanager', 'Werkstudent'],
  },
  {
    key: 'fr',
    weight: 8,
    male: ['Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Théo', 'Raphaël', 'Mathéo', 'Étienne', 'François', 'Jérôme', 'Benoît', 'Cédric'],
    female: ['Emma', 'Jade', 'Louise', 'Alice', 'Chloé', 'Léa', 'Manon', 'Inès', 'Camille', 'Hélène', 'Élodie', 'Françoise', 'Amélie', 'Maëlle'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'Bérenger', 'Lemaître', 'Fontaine', "D'Artagnan", 'Chevalier'],
    cities: [
      ['Paris', 'France', 'Europe/Paris', '33'],
      ['Lyon', 'France', 'Europe/Paris', '33'],
      ['Marseille', 'France', 'Europe/Paris', '33'],
      ['Bruxelles', 'Belgium', 'Europe/Brussels', '32'],
      ['Montréal', 'Canada', 'America/Toronto', '1'],
    ],
    localPositions: ['Chef de projet', 'Développeuse', 'Responsable commercial', 'Comptable'],
  },
  {
    key: 'es',
    weight: 8,
    male: ['Hugo', 'Mateo', 'Martín', 'Lucas', 'Leo', 'Daniel', 'Alejandro', 'Pablo', 'Álvaro', 'Javier', 'Sergio', 'Andrés', 'José', 'Iñigo'],
    female: ['Lucía', 'Sofía', 'Martina', 'María', 'Julia', 'Paula', 'Valeria', 'Emma', 'Daniela', 'Carmen', 'Inés', 'Begoña', 'Ximena', 'Nuria'],
    last: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez', 'Romero', 'Núñez', 'de la Fuente'],
    cities: [
      ['Madrid', 'Spain', 'Europe/Madrid', '34'],
      ['Barcelona', 'Spain', 'Europe/Madrid', '34'],
      ['Ciudad de México', 'Mexico', 'America/Mexico_City', '52'],
      ['Buenos Aires', 'Argentina', 'America/Argentina/Buenos_Aires', '54'],
      ['Bogotá', 'Colombia', 'America/Bogota', '57'],
    ],
    localPositions: ['Jefe de ventas', 'Desarrolladora', 'Contable', 'Diseñador gráfico'],
  },
  {
    key: 'ru',
    weight: 15,
    male: ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил', 'Никита', 'Иван', 'Егор', 'Павел', 'Роман', 'Владимир', 'Юрий', 'Фёдор'],
    female: ['Анастасия', 'Мария', 'Анна', 'Виктория', 'Екатерина', 'Наталья', 'Марина', 'Полина', 'Дарья', 'Елена', 'Ольга', 'Татьяна', 'Ирина', 'Юлия', 'Ксения', 'Алёна', 'Софья'],
    last: ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев', 'Орлов', 'Ильин', 'Белоусов', 'Чайковский', 'Достоевский'],
    femaleLast: slavicFemale,
    patronymics: [
      ['Александрович', 'Александровна'], ['Сергеевич', 'Сергеевна'], ['Иванович', 'Ивановна'],
      ['Дмитриевич', 'Дмитриевна'], ['Андреевич', 'Андреевна'], ['Владимирович', 'Владимировна'],
      ['Николаевич', 'Николаевна'], ['Петрович', 'Петровна'], ['Михайлович', 'Михайловна'],
      ['Юрьевич', 'Юрьевна'], ['Олегович', 'Олеговна'], ['Викторович', 'Викторовна'],
    ],
    cities: [
      ['Москва', 'Russia', 'Europe/Moscow', '7'],
      ['Санкт-Петербург', 'Russia', 'Europe/Moscow', '7'],
      ['Новосибирск', 'Russia', 'Asia/Novosibirsk', '7'],
      ['Екатеринбург', 'Russia', 'Asia/Yekaterinburg', '7'],
      ['Казань', 'Russia', 'Europe/Moscow', '7'],
      ['Калининград', 'Russia', 'Europe/Kaliningrad', '7'],
      ['Алматы', 'Kazakhstan', 'Asia/Almaty', '7'],
    ],
    localPositions: ['Менеджер по продажам', 'Ведущий разработчик', 'Бухгалтер', 'Руководитель проектов', 'Специалист по кадрам'],
  },
  {
    key: 'uk',
    weight: 5,
    male: ['Олександр', 'Андрій', 'Богдан', 'Дмитро', 'Іван', 'Максим', 'Назар', 'Тарас', 'Юрій', 'Євген', 'Ярослав'],
    female: ['Олена', 'Оксана', 'Ірина', 'Наталія', 'Тетяна', 'Юлія', 'Катерина', 'Соломія', 'Ганна', 'Христина', 'Ївга'],
    last: ['Шевченко', 'Коваленко', 'Бондаренко', 'Ткаченко', 'Кравченко', 'Олійник', 'Мельник', 'Шевчук', 'Поліщук', 'Лисенко', 'Грушевський', 'Франко', 'Кобзар'],
    femaleLast: slavicFemale,
    patronymics: [
      ['Олександрович', 'Олександрівна'], ['Іванович', 'Іванівна'], ['Петрович', 'Петрівна'],
      ['Миколайович', 'Миколаївна'], ['Васильович', 'Василівна'], ['Андрійович', 'Андріївна'],
    ],
    cities: [
      ['Київ', 'Ukraine', 'Europe/Kyiv', '380'],
      ['Львів', 'Ukraine', 'Europe/Kyiv', '380'],
      ['Харків', 'Ukraine', 'Europe/Kyiv', '380'],
      ['Одеса', 'Ukraine', 'Europe/Kyiv', '380'],
    ],
    localPositions: ['Менеджер з продажу', 'Розробник', 'Бухгалтерка'],
  },
  {
    key: 'pl',
    weight: 4,
    male: ['Jakub', 'Kacper', 'Szymon', 'Wojciech', 'Łukasz', 'Paweł', 'Michał', 'Grzegorz', 'Piotr', 'Krzysztof'],
    female: ['Zuzanna', 'Małgorzata', 'Agnieszka', 'Katarzyna', 'Joanna', 'Magdalena', 'Agata', 'Żaneta', 'Ewa', 'Aleksandra'],
    last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk'],
    femaleLast: polishFemale,
    cities: [
      ['Warszawa', 'Poland', 'Europe/Warsaw', '48'],
      ['Kraków', 'Poland', 'Europe/Warsaw', '48'],
      ['Wrocław', 'Poland', 'Europe/Warsaw', '48'],
      ['Gdańsk', 'Poland', 'Europe/Warsaw', '48'],
    ],
  },
  {
    key: 'cs',
    weight: 2,
    male: ['Jiří', 'Jan', 'Petr', 'Josef', 'Tomáš', 'Martin', 'Jaroslav', 'Miroslav', 'Zdeněk', 'Vojtěch'],
    female: ['Jana', 'Eva', 'Hana', 'Lenka', 'Věra', 'Kateřina', 'Lucie', 'Markéta', 'Tereza', 'Zuzana'],
    last: ['Novák', 'Svoboda', 'Novotný', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Růžička', 'Šťastný'],
    femaleLast: czechFemale,
    cities: [
      ['Praha', 'Czechia', 'Europe/Prague', '420'],
      ['Brno', 'Czechia', 'Europe/Prague', '420'],
      ['Ostrava', 'Czechia', 'Europe/Prague', '420'],
    ],
  },
  {
    key: 'it',
    weight: 4,
    male: ['Leonardo', 'Francesco', 'Alessandro', 'Lorenzo', 'Mattia', 'Andrea', 'Gabriele', 'Niccolò', 'Riccardo', 'Tommaso'],
    female: ['Sofia', 'Giulia', 'Aurora', 'Alice', 'Ginevra', 'Beatrice', 'Chiara', 'Francesca', 'Giorgia', 'Martina'],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'De Luca', "D'Angelo", 'Lombardi'],
    cities: [
      ['Roma', 'Italy', 'Europe/Rome', '39'],
      ['Milano', 'Italy', 'Europe/Rome', '39'],
      ['Torino', 'Italy', 'Europe/Rome', '39'],
    ],
  },
  {
    key: 'pt',
    weight: 4,
    male: ['João', 'Gonçalo', 'Tomás', 'Rodrigo', 'Thiago', 'Gustavo', 'Luís', 'Caio', 'Vinícius', 'Bernardo'],
    female: ['Maria', 'Beatriz', 'Leonor', 'Matilde', 'Inês', 'Letícia', 'Camila', 'Lívia', 'Conceição', 'Luísa'],
    last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Jesus', 'Sousa', 'Gonçalves', 'Araújo', 'Magalhães', 'Simões'],
    cities: [
      ['Lisboa', 'Portugal', 'Europe/Lisbon', '351'],
      ['Porto', 'Portugal', 'Europe/Lisbon', '351'],
      ['São Paulo', 'Brazil', 'America/Sao_Paulo', '55'],
      ['Rio de Janeiro', 'Brazil', 'America/Sao_Paulo', '55'],
    ],
  },
  {
    key: 'tr',
    weight: 2,
    male: ['Yusuf', 'Eymen', 'Ömer', 'Mustafa', 'Emir', 'Çağan', 'Barış', 'Doğan', 'İbrahim', 'Şahin'],
    female: ['Zeynep', 'Elif', 'Defne', 'Ayşe', 'Eylül', 'Gülşen', 'Özlem', 'Şule', 'İrem', 'Çiğdem'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Yıldırım', 'Öztürk', 'Aydın', 'Özdemir', 'Arslan', 'Doğan'],
    cities: [
      ['İstanbul', 'Turkey', 'Europe/Istanbul', '90'],
      ['Ankara', 'Turkey', 'Europe/Istanbul', '90'],
      ['İzmir', 'Turkey', 'Europe/Istanbul', '90'],
    ],
  },
  {
    key: 'nordic',
    weight: 3,
    male: ['Søren', 'Bjørn', 'Lars', 'Anders', 'Magnus', 'Oskar', 'Åke', 'Mikael', 'Jönsi', 'Eero'],
    female: ['Ingrid', 'Astrid', 'Sigrid', 'Freja', 'Maja', 'Saga', 'Åsa', 'Linnéa', 'Siiri', 'Ylva'],
    last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Hansen', 'Jørgensen', 'Pedersen', 'Ødegård', 'Lindqvist', 'Åberg', 'Virtanen', 'Mäkinen', 'Järvinen'],
    cities: [
      ['Stockholm', 'Sweden', 'Europe/Stockholm', '46'],
      ['Oslo', 'Norway', 'Europe/Oslo', '47'],
      ['København', 'Denmark', 'Europe/Copenhagen', '45'],
      ['Helsinki', 'Finland', 'Europe/Helsinki', '358'],
    ],
  },
  {
    key: 'zh',
    weight: 3,
    male: [['伟', 'wei'], ['强', 'qiang'], ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['杰', 'jie'], ['浩然', 'haoran'], ['子轩', 'zixuan']],
    female: [['芳', 'fang'], ['娜', 'na'], ['秀英', 'xiuying'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['雨桐', 'yutong'], ['欣怡', 'xinyi'], ['梓涵', 'zihan']],
    last: [['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['欧阳', 'ouyang']],
    cities: [
      ['北京', 'China', 'Asia/Shanghai', '86'],
      ['上海', 'China', 'Asia/Shanghai', '86'],
      ['深圳', 'China', 'Asia/Shanghai', '86'],
      ['Singapore', 'Singapore', 'Asia/Singapore', '65'],
    ],
  },
  {
    key: 'ja',
    weight: 2,
    male: [['陽翔', 'haruto'], ['蓮', 'ren'], ['湊', 'minato'], ['大翔', 'hiroto'], ['健太', 'kenta'], ['翔太', 'shota'], ['拓海', 'takumi']],
    female: [['陽葵', 'himari'], ['凛', 'rin'], ['結菜', 'yuina'], ['さくら', 'sakura'], ['美咲', 'misaki'], ['愛子', 'aiko'], ['由美', 'yumi']],
    last: [['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'], ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura']],
    cities: [
      ['東京', 'Japan', 'Asia/Tokyo', '81'],
      ['大阪', 'Japan', 'Asia/Tokyo', '81'],
    ],
  },
  {
    key: 'ko',
    weight: 1,
    male: [['민준', 'minjun'], ['서준', 'seojun'], ['도윤', 'doyun'], ['예준', 'yejun']],
    female: [['서연', 'seoyeon'], ['서윤', 'seoyun'], ['지우', 'jiwoo'], ['하은', 'haeun']],
    last: [['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung']],
    cities: [['서울', 'South Korea', 'Asia/Seoul', '82'], ['부산', 'South Korea', 'Asia/Seoul', '82']],
  },
  {
    key: 'ar',
    weight: 4,
    male: [['محمد', 'mohammed'], ['أحمد', 'ahmed'], ['علي', 'ali'], ['عمر', 'omar'], ['يوسف', 'youssef'], ['خالد', 'khaled'], ['حسن', 'hassan'], ['كريم', 'karim'], 'Rami', 'Tariq'],
    female: [['فاطمة', 'fatima'], ['مريم', 'maryam'], ['نور', 'nour'], ['ليلى', 'layla'], ['سارة', 'sara'], ['ياسمين', 'yasmin'], ['هدى', 'huda'], 'Amira', 'Leila'],
    last: [['العلي', 'alali'], ['حداد', 'haddad'], ['خوري', 'khoury'], ['منصور', 'mansour'], ['سعيد', 'saeed'], ['ناصر', 'nasser'], 'El-Amin', 'Al-Farsi', 'Benali'],
    cities: [
      ['دبي', 'United Arab Emirates', 'Asia/Dubai', '971'],
      ['Abu Dhabi', 'United Arab Emirates', 'Asia/Dubai', '971'],
      ['القاهرة', 'Egypt', 'Africa/Cairo', '20'],
      ['الرياض', 'Saudi Arabia', 'Asia/Riyadh', '966'],
      ['Casablanca', 'Morocco', 'Africa/Casablanca', '212'],
    ],
  },
]

/** Department functions (level 2) with their team qualifiers (deeper levels) and typical positions. */
export interface DepartmentFunction {
  name: string
  teams: readonly string[]
  positions: readonly string[]
}

export const FUNCTIONS: readonly DepartmentFunction[] = [
  { name: 'Sales', teams: ['EMEA', 'APAC', 'Americas', 'DACH', 'Nordics', 'Key Accounts', 'Inside Sales', 'Partnerships', 'Отдел продаж Москва'], positions: ['Sales Manager', 'Account Executive', 'Sales Development Representative', 'Key Account Manager', 'Sales Engineer', 'Regional Sales Director'] },
  { name: 'Marketing', teams: ['Brand', 'Content', 'Performance', 'Events', 'Product Marketing', 'PR & Communications'], positions: ['Marketing Manager', 'Content Writer', 'SEO Specialist', 'Brand Designer', 'Event Coordinator', 'Growth Analyst'] },
  { name: 'Engineering', teams: ['Frontend', 'Backend', 'Mobile', 'Platform', 'Data', 'Infrastructure', 'Security', 'Payments', 'Search', 'Core API'], positions: ['Software Engineer', 'Senior Software Engineer', 'Frontend Developer', 'Backend Developer', 'DevOps Engineer', 'Data Engineer', 'QA Engineer', 'Engineering Manager', 'Staff Engineer', 'Site Reliability Engineer'] },
  { name: 'Product', teams: ['Growth', 'Core', 'Design', 'Research', 'Analytics'], positions: ['Product Manager', 'Product Designer', 'UX Researcher', 'Product Analyst', 'UI Designer'] },
  { name: 'Finance', teams: ['Accounting', 'Treasury', 'Controlling', 'Payroll', 'Tax'], positions: ['Accountant', 'Financial Analyst', 'Controller', 'Payroll Specialist', 'Tax Advisor'] },
  { name: 'Human Resources', teams: ['Recruiting', 'People Operations', 'Learning & Development', 'Compensation'], positions: ['HR Business Partner', 'Recruiter', 'Talent Acquisition Specialist', 'L&D Manager', 'HR Generalist'] },
  { name: 'Legal', teams: ['Corporate', 'Compliance', 'Contracts', 'Privacy'], positions: ['Legal Counsel', 'Paralegal', 'Compliance Officer', 'Data Protection Officer'] },
  { name: 'Operations', teams: ['Facilities', 'Procurement', 'Logistics', 'Office Management', 'Travel'], positions: ['Operations Manager', 'Office Manager', 'Procurement Specialist', 'Logistics Coordinator', 'Facility Manager'] },
  { name: 'Customer Support', teams: ['Tier 1', 'Tier 2', 'Onboarding', 'Customer Success', 'Service Desk'], positions: ['Support Specialist', 'Customer Success Manager', 'Technical Support Engineer', 'Onboarding Specialist', 'Support Team Lead'] },
  { name: 'IT', teams: ['Helpdesk', 'Networks', 'Workplace', 'Internal Tools'], positions: ['System Administrator', 'IT Support Specialist', 'Network Engineer', 'IT Manager'] },
  { name: 'Research & Development', teams: ['Labs', 'Machine Learning', 'Prototyping', 'R&D "Skunkworks" <Lab>'], positions: ['Research Scientist', 'ML Engineer', 'Prototype Engineer', 'Research Assistant'] },
  { name: 'Quality Assurance', teams: ['Manual QA', 'Automation', 'Release'], positions: ['QA Analyst', 'Test Automation Engineer', 'Release Manager'] },
  { name: 'Administration', teams: ['Executive Office', 'Reception', 'Document Control'], positions: ['Executive Assistant', 'Receptionist', 'Administrative Assistant'] },
  { name: 'Security', teams: ['Physical Security', 'Information Security', 'Risk'], positions: ['Security Analyst', 'Security Officer', 'Risk Manager'] },
  { name: 'Logistics', teams: ['Warehouse', 'Fleet', 'Dispatch', 'Customs'], positions: ['Warehouse Manager', 'Dispatcher', 'Driver', 'Customs Broker'] },
  { name: 'Production', teams: ['Assembly', 'Maintenance', 'Planning', 'Quality Control'], positions: ['Production Planner', 'Maintenance Technician', 'Line Supervisor', 'Quality Inspector'] },
]

export const COMPANY = 'Northwind Group'
export const PARTNER_COMPANIES = ['Contoso Partners', 'Fabrikam Ltd', 'Tailspin Consulting', 'Adatum Agency'] as const

export const SKILLS = ['TypeScript', 'Vue', 'SQL', 'Negotiation', 'Public speaking', 'Excel', 'Figma', 'Kubernetes', 'Go', 'Python', 'Accounting', 'Recruiting', 'German', 'Spanish', 'Project management', 'Copywriting', 'Data analysis', 'Customer care', 'Photoshop', 'Scrum']
export const INTERESTS = ['Cycling', 'Chess', 'Photography', 'Hiking', 'Cooking', 'Board games', 'Running', 'Jazz', 'Sailing', 'Yoga', 'Football', 'Reading', 'Gardening', 'Climbing', 'Travel']

export const SOCIAL_GROUPS = ['Project Apollo', 'Partner Portal', 'Website Relaunch', 'Annual Conference', 'Supplier Onboarding', 'Mobile App Beta', 'Office Move 2025', 'Customer Advisory Board', 'Localization Crew', 'Data Migration']

/** Cyrillic → Latin for e-mail local parts. */
const CYR: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}

const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ı: 'i', þ: 'th' }

const latinCache = new Map<string, string>()

/** Lower-case a-z/0-9 only: what an e-mail local part made from a name looks like. */
export function latinize(text: string): string {
  const cached = latinCache.get(text)
  if (cached !== undefined) return cached
  const lower = text.toLowerCase()
  let out = ''
  for (const ch of lower) out += CYR[ch] ?? SPECIAL[ch] ?? ch
  out = out.normalize('NFD').replace(/[^a-z0-9]/g, '')
  // the pools are small, so the cache stays small
  if (latinCache.size < 10_000) latinCache.set(text, out)
  return out
}

export function nativeOf(entry: NameEntry): string {
  return typeof entry === 'string' ? entry : entry[0]
}

export function latinOf(entry: NameEntry): string {
  return typeof entry === 'string' ? latinize(entry) : entry[1]
}
