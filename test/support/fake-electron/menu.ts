/** `Menu.buildFromTemplate`: keeps the template, and clicks an item by id as a person would. */

interface TemplateItem {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: (...args: unknown[]) => void;
  submenu?: TemplateItem[];
}

export class Menu {
  /** Every menu built since the last reset. */
  static readonly built: Menu[] = [];

  constructor(readonly template: TemplateItem[]) {}

  static buildFromTemplate(template: TemplateItem[]): Menu {
    const menu = new Menu(template);
    Menu.built.push(menu);
    return menu;
  }

  /** Test helper: the item with `id`, at any depth. */
  item(id: string, items: TemplateItem[] = this.template): TemplateItem | undefined {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = item.submenu ? this.item(id, item.submenu) : undefined;
      if (inner) return inner;
    }
    return undefined;
  }

  /** Test helper: clicks the item with `id`. */
  click(id: string): void {
    const item = this.item(id);
    if (!item?.click) throw new Error(`No clickable menu item '${id}'`);
    if (item.enabled === false) throw new Error(`Menu item '${id}' is disabled`);
    item.click();
  }

  /** Test helper: the labels of the top level, separators as '-'. */
  labels(): string[] {
    return this.template.map((item) => (item.type === 'separator' ? '-' : (item.label ?? '')));
  }

  static reset(): void {
    Menu.built.length = 0;
  }
}
