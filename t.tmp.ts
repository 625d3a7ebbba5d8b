import { offPlatformKind, asksWithdrawal, normalize } from './src/nlu/index.ts';
for (const x of ['卖家又让我加他微信 说微信上给我处理','商家说给我退款再加10块红包，让我撤销投诉 🙄','店家说加个vx私下退你50','The seller asked me to add him on WeChat','卖家要我先确认收货']) console.log(x, offPlatformKind(x), asksWithdrawal(x), normalize(x));
