import { describe, expect, it } from 'vitest';
import { COMMAND_CAPS, CommandBudgets } from '../../main/core/command-budgets';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

describe('CommandBudgets', () => {
  it('gives each command its documented cap: 200 a second, and 1 for the group list', () => {
    const budgets = new CommandBudgets(new FakeClock());
    expect(Object.fromEntries(budgets.readings().map((r) => [r.command, r.capPerSecond]))).toEqual({
      get_online_member_num: 200,
      get_group_info: 200,
      get_appid_group_list: 1,
      modify_group_attr: 200,
      update_group_counter: 200,
      send_group_msg: 200,
    });
    expect(COMMAND_CAPS.get_appid_group_list).toBe(1);
  });

  it("never lets one command's calls take a slot another command needs", async () => {
    const clock = new FakeClock();
    const budgets = new CommandBudgets(clock);
    const counted: number[] = [];
    const written: number[] = [];
    // A backlog of writes, far over their cap, while the counts go on at theirs.
    for (let i = 0; i < 1000; i++)
      void budgets.acquire('modify_group_attr').then(() => written.push(clock.monotonic()));
    for (let i = 0; i < 400; i++)
      void budgets.acquire('get_online_member_num').then(() => counted.push(clock.monotonic()));
    // Each budget lets its cap less the headroom (195 of 200) into a window.
    await clock.advance(0);
    expect(counted).toHaveLength(195);
    expect(budgets.readings().find((r) => r.command === 'modify_group_attr')).toMatchObject({
      used: 195,
      waiting: 805,
    });
    await clock.advance(1025);
    expect(counted).toHaveLength(390);
    await clock.advance(5000);
    expect(written).toHaveLength(1000);
    expect(maxInAnyWindow(written)).toBe(195);
    expect(maxInAnyWindow(counted)).toBe(195);
  });

  it('slows one command down without slowing the others', () => {
    const budgets = new CommandBudgets(new FakeClock());
    budgets.of('send_group_msg').slowDown(60007);
    const limits = Object.fromEntries(budgets.readings().map((r) => [r.command, r.limitPerSecond]));
    expect(limits.send_group_msg).toBe(150);
    expect(limits.get_online_member_num).toBe(200);
    expect(budgets.count.isSlowed()).toBe(false);
  });

  it("holds every command to the user's lower cap, never raising one above its own", () => {
    const budgets = new CommandBudgets(new FakeClock(), 50);
    const caps = () => Object.fromEntries(budgets.readings().map((r) => [r.command, r.capPerSecond]));
    expect(caps()).toMatchObject({
      get_online_member_num: 50,
      modify_group_attr: 50,
      get_appid_group_list: 1,
    });
    budgets.setMaxRate(200);
    expect(caps()).toMatchObject({
      get_online_member_num: 200,
      send_group_msg: 200,
      get_appid_group_list: 1,
    });
  });

  it('refuses a command it has no budget for', () => {
    expect(() => new CommandBudgets(new FakeClock()).of('delete_group')).toThrow(/No rate budget/);
  });
});
