/** Every chat tool, built with the data layer and the error explainer. Pure: no `vscode`. */
import type { Explain, ToolData } from './context';
import { GetRecordTool, ListEntriesTool, ListTasksTool, SearchRecordsTool, type ChatTool } from './reads';
import { DescribeSchemaTool } from './schema';
import { AddToListTool } from './listWrites';
import { CreateRecordTool, UpdateRecordTool } from './recordWrites';
import { AddNoteTool, CreateTaskTool, type WriteTool } from './writes';


/** Every tool by name (the names of package.json's `languageModelTools`). */
export function createTools(data: ToolData, explain: Explain): Map<string, ChatTool<unknown>> {
  const tools: ChatTool<any>[] = [
    new SearchRecordsTool(data),
    new GetRecordTool(data, explain),
    new ListTasksTool(data),
    new ListEntriesTool(data),
    new DescribeSchemaTool(data, explain),
    new CreateTaskTool(data),
    new AddNoteTool(data),
    new UpdateRecordTool(data),
    new CreateRecordTool(data),
    new AddToListTool(data),
  ];
  return new Map(tools.map(t => [t.name, t as ChatTool<unknown>]));
}

export const isWriteTool = (t: ChatTool<unknown>): t is WriteTool<unknown> => typeof (t as Partial<WriteTool<unknown>>).confirm === 'function';
